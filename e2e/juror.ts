// Court helpers for the juror specs: straight RPC access to the DisputeCourt and the Marketplace of
// the e2e chain, for what another person or program would do meanwhile (order, deliver, dispute,
// advance, vote).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWalletClient, http, keccak256, toBytes, toHex, type Address, type Hash, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { devAccounts } from '../lib/devAccounts';
import { disputeCourtAbi, marketplaceAbi } from '../lib/generated/abis';
import { advanceTime, publicClient, rpcUrl } from './chain';

function deployments(): { DisputeCourt: Address; Marketplace: Address } {
  const file = join(process.cwd(), '.data', 'e2e', 'deployments.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { DisputeCourt: Address; Marketplace: Address };
}

const court = () => ({ address: deployments().DisputeCourt, abi: disputeCourtAbi }) as const;
const market = () => ({ address: deployments().Marketplace, abi: marketplaceAbi }) as const;

const wallet = (index: number) =>
  createWalletClient({ chain: foundry, transport: http(rpcUrl), account: privateKeyToAccount(devAccounts[index]!.privateKey) });

async function confirm(hash: Hash): Promise<void> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
}

export async function jurorOf(index: number) {
  return publicClient.readContract({ ...court(), functionName: 'jurorOf', args: [devAccounts[index]!.address] });
}

/** A buyer orders the seller's first active service, the seller delivers, the buyer disputes (paying the fee). */
export async function openDispute(buyer: number, seller: number): Promise<bigint> {
  const m = market();
  const ids = await publicClient.readContract({ ...m, functionName: 'servicesOf', args: [devAccounts[seller]!.address] });
  const services = await Promise.all(ids.map((id) => publicClient.readContract({ ...m, functionName: 'getService', args: [id] })));
  const service = services.find((s) => s.active);
  if (!service) throw new Error(`account ${seller} has no active service`);
  const orderId = (await publicClient.readContract({ ...m, functionName: 'orderCount' })) + 1n;
  await confirm(await wallet(buyer).writeContract({ ...m, functionName: 'order', args: [service.id, 'ipfs://request'], value: service.price }));
  await confirm(await wallet(seller).writeContract({ ...m, functionName: 'deliver', args: [orderId, 'ipfs://result', keccak256(toBytes('result'))] }));
  const fee = await publicClient.readContract({ ...court(), functionName: 'arbitrationCost', args: ['0x'] });
  await confirm(await wallet(buyer).writeContract({ ...m, functionName: 'dispute', args: [orderId, 'ipfs://reason'], value: fee }));
  return (await publicClient.readContract({ ...m, functionName: 'disputeOf', args: [orderId] })).disputeId;
}

/** Waits out the dispute's current period, then advances it (as dev account #0). */
export async function advancePeriod(disputeId: bigint): Promise<void> {
  const d = await publicClient.readContract({ ...court(), functionName: 'getDispute', args: [disputeId] });
  const block = await publicClient.getBlock();
  const wait = Number(d.periodEnd) - Number(block.timestamp);
  if (wait >= 0) await advanceTime(wait + 1);
  // The draw's gas depends on the including block's prevrandao: an estimate can fall short.
  await confirm(await wallet(0).writeContract({ ...court(), functionName: 'advance', args: [disputeId], gas: 3_000_000n }));
}

/** Seats `juror` holds in the dispute's current round. */
export async function seatsOf(disputeId: bigint, index: number): Promise<number> {
  const d = await publicClient.readContract({ ...court(), functionName: 'getDispute', args: [disputeId] });
  const ballot = await publicClient.readContract({ ...court(), functionName: 'getJurorVote', args: [disputeId, BigInt(d.round), devAccounts[index]!.address] });
  return ballot.seats;
}

/** Commits `choice` for the juror in the current round; returns the salt to reveal with. */
export async function commitVote(disputeId: bigint, index: number, choice: bigint): Promise<Hex> {
  const c = court();
  const d = await publicClient.readContract({ ...c, functionName: 'getDispute', args: [disputeId] });
  const salt = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const commitment = await publicClient.readContract({
    ...c,
    functionName: 'hashVote',
    args: [choice, salt, devAccounts[index]!.address, disputeId, BigInt(d.round)],
  });
  await confirm(await wallet(index).writeContract({ ...c, functionName: 'commit', args: [disputeId, commitment] }));
  return salt;
}

export async function revealVote(disputeId: bigint, index: number, choice: bigint, salt: Hex): Promise<void> {
  await confirm(await wallet(index).writeContract({ ...court(), functionName: 'reveal', args: [disputeId, choice, salt] }));
}
