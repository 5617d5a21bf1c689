// Direct access to the marketplace and the court on the e2e chain: set-up steps the dispute specs
// take straight through the RPC (as another program would), and reads to check what the UI did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWalletClient, http, parseEventLogs, type Address, type Hash } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { devAccounts } from '../lib/devAccounts';
import { disputeCourtAbi, marketplaceAbi, reputationAbi } from '../lib/generated/abis';
import { publicClient, rpcUrl } from './chain';

interface E2eDeployments {
  Marketplace: Address;
  DisputeCourt: Address;
  Reputation: Address;
}

export function deployments(): E2eDeployments {
  return JSON.parse(readFileSync(join(process.cwd(), '.data', 'e2e', 'deployments.json'), 'utf8')) as E2eDeployments;
}

function wallet(index: number) {
  return createWalletClient({ chain: foundry, transport: http(rpcUrl), account: privateKeyToAccount(devAccounts[index]!.privateKey) });
}

async function confirm(hash: Hash) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

export function address(index: number): Address {
  return devAccounts[index]!.address;
}

/** The dev account index of `account`, or -1. */
export function devIndexOf(account: string): number {
  return devAccounts.findIndex((a) => a.address.toLowerCase() === account.toLowerCase());
}

/** `buyer` orders service `serviceId` and its seller delivers it: the order waits in its review window. */
export async function orderAndDeliver(buyer: number, seller: number, serviceId: bigint, request: string): Promise<bigint> {
  const { Marketplace } = deployments();
  const market = { address: Marketplace, abi: marketplaceAbi } as const;
  const service = await publicClient.readContract({ ...market, functionName: 'getService', args: [serviceId] });
  const receipt = await confirm(await wallet(buyer).writeContract({ ...market, functionName: 'order', args: [serviceId, request], value: service.price }));
  const [placed] = parseEventLogs({ abi: marketplaceAbi, logs: receipt.logs, eventName: 'OrderPlaced' });
  const orderId = placed!.args.orderId;
  await confirm(await wallet(seller).writeContract({ ...market, functionName: 'deliver', args: [orderId, 'https://example.org/result', `0x${'ab'.repeat(32)}`] }));
  return orderId;
}

export async function courtParams() {
  const { DisputeCourt } = deployments();
  return publicClient.readContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'params' });
}

/** Stakes `amount` wei in the court from dev account `index`. */
export async function stake(index: number, amount: bigint): Promise<void> {
  const { DisputeCourt } = deployments();
  await confirm(await wallet(index).writeContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'stake', value: amount }));
}

export async function jurorOf(index: number) {
  const { DisputeCourt } = deployments();
  return publicClient.readContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'jurorOf', args: [address(index)] });
}

export async function getDispute(id: bigint) {
  const { DisputeCourt } = deployments();
  return publicClient.readContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'getDispute', args: [id] });
}

export async function getRound(id: bigint, round: number) {
  const { DisputeCourt } = deployments();
  return publicClient.readContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'getRound', args: [id, BigInt(round)] });
}

export async function xpOf(index: number): Promise<bigint> {
  const { Reputation } = deployments();
  const profile = await publicClient.readContract({ address: Reputation, abi: reputationAbi, functionName: 'profileOf', args: [address(index)] });
  return profile.xp;
}

/** The buyer disputes a delivered order straight through the RPC, paying the court's fee; the dispute id. */
export async function openDispute(buyer: number, orderId: bigint, reasonURI: string): Promise<bigint> {
  const { Marketplace, DisputeCourt } = deployments();
  const cost = await publicClient.readContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'arbitrationCost', args: ['0x'] });
  const receipt = await confirm(
    await wallet(buyer).writeContract({ address: Marketplace, abi: marketplaceAbi, functionName: 'dispute', args: [orderId, reasonURI], value: cost }),
  );
  const [log] = parseEventLogs({ abi: marketplaceAbi, logs: receipt.logs, eventName: 'OrderDisputed' });
  return log!.args.disputeId;
}

/** Takes all of dev account `index`'s stake back when none of it is locked (leaves the court to other specs). */
export async function unstakeAll(index: number): Promise<void> {
  const { DisputeCourt } = deployments();
  const juror = await jurorOf(index);
  if (juror.stake === 0n || juror.locked !== 0n) return;
  await confirm(await wallet(index).writeContract({ address: DisputeCourt, abi: disputeCourtAbi, functionName: 'unstake', args: [juror.stake] }));
}
