// Direct access to the e2e chain from the tests (the same anvil the app under test reads).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, encodeFunctionData, http, keccak256, stringToHex, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { parseDeployments, type ModuleName } from '../lib/chain';
import { devAccounts } from '../lib/devAccounts';
import { activityVotesAbi, collaboratorRegistryAbi, constitutionAbi, councilGovernorAbi, marketplaceAbi, marketplaceV2Abi, reputationAbi } from '../lib/generated/abis';

export const rpcUrl = `http://127.0.0.1:${process.env.OSO_E2E_ANVIL_PORT}`;
const transport = http(rpcUrl);
export const publicClient = createPublicClient({ chain: foundry, transport });
export const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport });

/** An address from the e2e deployments file: a module, or an implementation like `MarketplaceV2Implementation`. */
export function deployed(name: ModuleName | `${string}Implementation`): Address {
  const file = join(process.cwd(), '.data', 'e2e', 'deployments.json');
  const deployments = parseDeployments(JSON.parse(readFileSync(file, 'utf8')), file);
  const address = name.endsWith('Implementation') ? deployments.implementations[name.slice(0, -'Implementation'.length)] : deployments[name as ModuleName];
  if (!address) throw new Error(`${name} is not in ${file}`);
  return address;
}

export function registryAddress(): Address {
  return deployed('CollaboratorRegistry');
}

export async function registryCount(): Promise<bigint> {
  return publicClient.readContract({ address: registryAddress(), abi: collaboratorRegistryAbi, functionName: 'count' });
}

export async function statusOf(index: number): Promise<number> {
  const record = await publicClient.readContract({
    address: registryAddress(),
    abi: collaboratorRegistryAbi,
    functionName: 'get',
    args: [devAccounts[index]!.address],
  });
  return record.status;
}

/** Joins with a dev account straight through the RPC (as another tab or program would). */
export async function joinDirectly(index: number, name: string): Promise<void> {
  const account = privateKeyToAccount(devAccounts[index]!.privateKey);
  const wallet = createWalletClient({ chain: foundry, transport, account });
  const minBond = await publicClient.readContract({ address: registryAddress(), abi: collaboratorRegistryAbi, functionName: 'minBond' });
  const hash = await wallet.writeContract({
    address: registryAddress(),
    abi: collaboratorRegistryAbi,
    functionName: 'join',
    args: [1, name, '', 'https://example.org/source', `0x${'0'.repeat(64)}`],
    value: minBond,
  });
  await publicClient.waitForTransactionReceipt({ hash });
}

/** Moves chain time forward and mines a block. */
export async function advanceTime(seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}

export function walletOf(address: Address) {
  const account = devAccounts.find((a) => a.address.toLowerCase() === address.toLowerCase());
  if (!account) throw new Error(`${address} is not a dev account`);
  return createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(account.privateKey) });
}

export async function confirmed(hash: `0x${string}`): Promise<void> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
}

/** Dev account `buyer` orders service `serviceId` straight through the RPC; returns the order id. */
export async function placeOrder(buyer: number, serviceId: bigint): Promise<bigint> {
  const market = deployed('Marketplace');
  const service = await publicClient.readContract({ address: market, abi: marketplaceAbi, functionName: 'getService', args: [serviceId] });
  const id = (await publicClient.readContract({ address: market, abi: marketplaceAbi, functionName: 'orderCount' })) + 1n;
  await confirmed(
    await walletOf(devAccounts[buyer]!.address).writeContract({
      address: market,
      abi: marketplaceAbi,
      functionName: 'order',
      args: [serviceId, 'https://example.org/e2e-request'],
      value: service.price,
    }),
  );
  return id;
}

/** An order of service `serviceId` by dev account `buyer`, delivered by its seller and accepted: settled, not rated. */
export async function settledOrder(buyer: number, serviceId: bigint): Promise<bigint> {
  const market = deployed('Marketplace');
  const id = await placeOrder(buyer, serviceId);
  const { seller } = await publicClient.readContract({ address: market, abi: marketplaceAbi, functionName: 'getService', args: [serviceId] });
  await confirmed(
    await walletOf(seller).writeContract({ address: market, abi: marketplaceAbi, functionName: 'deliver', args: [id, 'https://example.org/e2e-result', `0x${'0'.repeat(64)}`] }),
  );
  await confirmed(await walletOf(devAccounts[buyer]!.address).writeContract({ address: market, abi: marketplaceAbi, functionName: 'accept', args: [id] }));
  return id;
}

/** How many ratings `seller` has received. */
export async function ratingCount(seller: Address): Promise<bigint> {
  return (await publicClient.readContract({ address: deployed('Reputation'), abi: reputationAbi, functionName: 'ratingOf', args: [seller] })).count;
}

// ── governance (the local default regime: a council of dev accounts 0–2) ──

/** The id of the council proposal that sets the marketplace fee to `feeBps` with `description`. */
export async function feeProposalId(feeBps: number, description: string): Promise<bigint> {
  const calldatas = [encodeFunctionData({ abi: marketplaceAbi, functionName: 'setFee', args: [feeBps] })];
  return publicClient.readContract({
    address: deployed('CouncilGovernor'),
    abi: councilGovernorAbi,
    functionName: 'hashProposal',
    args: [[deployed('Marketplace')], [0n], calldatas, keccak256(stringToHex(description))],
  });
}

/** Dev account `voter` votes on a council proposal (1 = For) straight through the RPC. */
export async function councilVote(voter: number, proposalId: bigint, support: number): Promise<void> {
  await confirmed(
    await walletOf(devAccounts[voter]!.address).writeContract({
      address: deployed('CouncilGovernor'),
      abi: councilGovernorAbi,
      functionName: 'castVote',
      args: [proposalId, support],
    }),
  );
}

/** The council's voting delay and period, and the Constitution's delay, in seconds. */
export async function governanceTimes(): Promise<{ votingDelay: number; votingPeriod: number; minDelay: number }> {
  const governor = deployed('CouncilGovernor');
  const [votingDelay, votingPeriod, minDelay] = await Promise.all([
    publicClient.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'votingDelay' }),
    publicClient.readContract({ address: governor, abi: councilGovernorAbi, functionName: 'votingPeriod' }),
    publicClient.readContract({ address: deployed('Constitution'), abi: constitutionAbi, functionName: 'getMinDelay' }),
  ]);
  return { votingDelay: Number(votingDelay), votingPeriod: Number(votingPeriod), minDelay: Number(minDelay) };
}

export async function marketFeeBps(): Promise<number> {
  return publicClient.readContract({ address: deployed('Marketplace'), abi: marketplaceAbi, functionName: 'feeBps' });
}

/** The id of `seller`'s service titled `title` (e.g. one the reference service agent listed). */
export async function serviceIdByTitle(seller: Address, title: string): Promise<bigint> {
  const market = deployed('Marketplace');
  const ids = await publicClient.readContract({ address: market, abi: marketplaceAbi, functionName: 'servicesOf', args: [seller] });
  const services = await Promise.all(ids.map((id) => publicClient.readContract({ address: market, abi: marketplaceAbi, functionName: 'getService', args: [id] })));
  const service = services.find((s) => s.title === title);
  if (!service) throw new Error(`${seller} has no service titled "${title}"`);
  return service.id;
}

/** The id of the newest proposal of `governor` (from its ProposalCreated events). */
export async function latestProposalId(governor: 'CouncilGovernor' | 'DemocracyGovernor'): Promise<bigint> {
  const logs = await publicClient.getContractEvents({ address: deployed(governor), abi: councilGovernorAbi, eventName: 'ProposalCreated', fromBlock: 0n, strict: true });
  const last = logs.at(-1);
  if (!last) throw new Error(`${governor} has no proposal`);
  return last.args.proposalId;
}

/** The democracy's voting delay and ActivityVotes' period length, in seconds. */
export async function democracyTimes(): Promise<{ votingDelay: number; activityPeriod: number }> {
  const [votingDelay, activityPeriod] = await Promise.all([
    publicClient.readContract({ address: deployed('DemocracyGovernor'), abi: councilGovernorAbi, functionName: 'votingDelay' }),
    publicClient.readContract({ address: deployed('ActivityVotes'), abi: activityVotesAbi, functionName: 'PERIOD_LENGTH' }),
  ]);
  return { votingDelay: Number(votingDelay), activityPeriod: Number(activityPeriod) };
}

/** keccak256 of the code deployed at `address`. */
export async function codeHashAt(address: Address): Promise<`0x${string}`> {
  const code = await publicClient.getCode({ address });
  if (!code) throw new Error(`no code at ${address}`);
  return keccak256(code);
}

/** The Marketplace proxy's implementation version and terms, read with the V2 ABI (reverts before the upgrade). */
export async function marketplaceV2State(): Promise<{ version: string; termsURI: string; termsHash: `0x${string}` }> {
  const market = { address: deployed('Marketplace'), abi: marketplaceV2Abi } as const;
  const [version, [termsURI, termsHash]] = await Promise.all([
    publicClient.readContract({ ...market, functionName: 'version' }),
    publicClient.readContract({ ...market, functionName: 'terms' }),
  ]);
  return { version, termsURI, termsHash };
}
