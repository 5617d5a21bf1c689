// Governance on a local chain: the seed (and tests) change the organization only the way anyone
// would, through the regime in office. After deployment no account holds a module role; the
// Constitution (timelock) does. The local organization is founded as a monarchy of dev account 0
// (heir: account 1), who hands power to a council of dev accounts 0–2 by a timelocked operation —
// so the demo shows a past regime switch, and the council (the local default) governs from then on.
import { createPublicClient, createTestClient, createWalletClient, defineChain, encodeFunctionData, http, keccak256, stringToHex, zeroHash, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { MONARCH_GAS_MARGIN } from '../../lib/governance';
import { constitutionAbi, councilGovernorAbi, councilSeatsAbi, monarchyRegimeAbi } from '../../lib/generated/abis';

/** Dev accounts seated on the local demo council (`COUNCIL` of Deploy.s.sol). */
export const LOCAL_COUNCIL = [0, 1, 2] as const;

/** Dev account that founds the local organization as its monarch, and its heir. */
export const LOCAL_MONARCH = 0;
export const LOCAL_HEIR = 1;

/** Environment for contracts/script/Deploy.s.sol on a local chain: founded as the monarchy of dev
 * account 0 (heir 1), with the council of dev accounts 0–2 ready for `handOverToCouncil`. */
export function localGovernanceEnv(): Record<string, string> {
  return {
    REGIME: 'monarchy',
    MONARCH: devAccounts[LOCAL_MONARCH]!.address,
    HEIR: devAccounts[LOCAL_HEIR]!.address,
    COUNCIL: LOCAL_COUNCIL.map((i) => devAccounts[i]!.address).join(','),
  };
}

/** One call the Constitution makes when the proposal executes. */
export interface Action {
  target: Address;
  data: Hex;
  value?: bigint;
}

/** Governor proposal states (OpenZeppelin IGovernor.ProposalState). */
export const ProposalState = { Pending: 0, Active: 1, Canceled: 2, Defeated: 3, Succeeded: 4, Queued: 5, Expired: 6, Executed: 7 } as const;

type GovernanceDeployments = Pick<Deployments, 'chainId' | 'Constitution' | 'CouncilGovernor' | 'CouncilSeats' | 'MonarchyRegime'>;

/** Vote choices of OpenZeppelin's GovernorCountingSimple. */
export const Vote = { Against: 0, For: 1, Abstain: 2 } as const;

/** Clients, wallets and time travel on a local anvil chain, for the governance steps below. */
function localChain(rpcUrl: string, chainId: number) {
  const chain = defineChain({
    id: chainId,
    name: 'OSO local',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0 });
  const client = createPublicClient({ chain, transport, pollingInterval: 250 });
  const test = createTestClient({ chain, mode: 'anvil', transport });
  const wallet = (key: Hex) => createWalletClient({ chain, transport, account: privateKeyToAccount(key) });
  const send = async (key: Hex, what: string, call: Omit<Parameters<ReturnType<typeof wallet>['writeContract']>[0], 'chain' | 'account'>): Promise<void> => {
    const hash = await wallet(key).writeContract({ ...call, chain, account: privateKeyToAccount(key) } as Parameters<ReturnType<typeof wallet>['writeContract']>[0]);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${what}: transaction ${hash} reverted`);
  };
  const advance = async (seconds: bigint): Promise<void> => {
    await test.increaseTime({ seconds: Number(seconds) });
    await test.mine({ blocks: 1 });
  };
  return { client, send, advance };
}

/**
 * The founding story of the local organization: the monarch (dev account 0) schedules, through the
 * timelock, the switch to the council; chain time passes the timelock's delay; the monarch executes
 * it. Does nothing (returns a reason) unless the monarchy of a dev account is in office.
 */
export async function handOverToCouncil(
  rpcUrl: string,
  deployments: GovernanceDeployments,
  log: (line: string) => void = () => {},
): Promise<{ switched: true } | { skipped: string }> {
  const { client, send, advance } = localChain(rpcUrl, deployments.chainId);
  const regime = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'regime' });
  if (regime.toLowerCase() !== deployments.MonarchyRegime.toLowerCase()) return { skipped: 'the regime in office is not the monarchy' };
  const monarchAddress = await client.readContract({ address: deployments.MonarchyRegime, abi: monarchyRegimeAbi, functionName: 'monarch' });
  const monarch = devAccounts.find((a) => a.address.toLowerCase() === monarchAddress.toLowerCase());
  if (!monarch) return { skipped: 'the monarch is not a dev account' };

  const targets = [deployments.Constitution];
  const values = [0n];
  const payloads = [encodeFunctionData({ abi: constitutionAbi, functionName: 'switchRegime', args: [deployments.CouncilGovernor] })];
  const delay = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'getMinDelay' });
  const call = { address: deployments.MonarchyRegime, abi: monarchyRegimeAbi } as const;
  const scheduleArgs = [targets, values, payloads, zeroHash, delay] as const;
  const scheduleGas = (await client.estimateContractGas({ ...call, functionName: 'schedule', args: scheduleArgs, account: monarch.address })) + MONARCH_GAS_MARGIN;
  await send(monarch.privateKey, 'scheduling the hand-over', { ...call, functionName: 'schedule', args: scheduleArgs, gas: scheduleGas });
  log(`  scheduled the monarch (account ${monarch.index}) hands power to the council (timelock delay ${delay} s)`);
  await advance(delay + 1n);
  const executeArgs = [targets, values, payloads, zeroHash] as const;
  const executeGas = (await client.estimateContractGas({ ...call, functionName: 'execute', args: executeArgs, account: monarch.address })) + MONARCH_GAS_MARGIN;
  await send(monarch.privateKey, 'executing the hand-over', { ...call, functionName: 'execute', args: executeArgs, gas: executeGas });
  log('  executed  the council is in office');
  return { switched: true };
}

/** One proposal to the local council: who proposes, how each dev account on it votes, how far it goes. */
export interface CouncilProposal {
  actions: readonly Action[];
  description: string;
  /** Dev account index → vote; accounts left out do not vote. */
  votes: Readonly<Record<number, number>>;
  /** Where to stop: while voting is open, once queued, or executed (or defeated, by the votes). */
  until: 'active' | 'queued' | 'executed' | 'closed';
}

/**
 * Takes one proposal through the local council as far as `until`: proposes (first dev account on
 * the council), advances past the voting delay, casts `votes`; then, unless it stays 'active',
 * advances past the voting period and queues it (when it succeeded), and for 'executed' advances
 * past the timelock's delay and executes it. Returns the proposal id and its final state.
 */
export async function runCouncilProposal(
  rpcUrl: string,
  deployments: GovernanceDeployments,
  proposal: CouncilProposal,
  log: (line: string) => void = () => {},
): Promise<{ proposalId: bigint; state: number } | { skipped: string }> {
  const { client, send, advance } = localChain(rpcUrl, deployments.chainId);
  const governor = deployments.CouncilGovernor;
  const regime = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'regime' });
  if (regime.toLowerCase() !== governor.toLowerCase()) return { skipped: 'the regime in office is not the council' };
  const members = await client.readContract({ address: deployments.CouncilSeats, abi: councilSeatsAbi, functionName: 'members' });
  const seated = new Set(members.map((m) => m.toLowerCase()));
  const voters = devAccounts.filter((a) => seated.has(a.address.toLowerCase()));
  const proposer = voters[0];
  if (!proposer) return { skipped: 'no dev account holds a council seat' };

  const targets = proposal.actions.map((a) => a.target);
  const values = proposal.actions.map((a) => a.value ?? 0n);
  const calldatas = proposal.actions.map((a) => a.data);
  const args = [targets, values, calldatas, keccak256(stringToHex(proposal.description))] as const;
  const call = { address: governor, abi: councilGovernorAbi } as const;
  const proposalId = await client.readContract({ ...call, functionName: 'hashProposal', args });
  const title = proposal.description.split('\n')[0];
  if ((await client.readContract({ ...call, functionName: 'proposalSnapshot', args: [proposalId] })) !== 0n) {
    return { skipped: `"${title}" was proposed already` };
  }

  // Seats count one second after they are taken: make sure the proposer's is in the past.
  await advance(1n);
  await send(proposer.privateKey, 'proposing', { ...call, functionName: 'propose', args: [targets, values, calldatas, proposal.description] });
  log(`  proposed  "${title}" (council, account ${proposer.index})`);
  const votingDelay = await client.readContract({ ...call, functionName: 'votingDelay' });
  await advance(votingDelay + 1n);
  for (const voter of voters) {
    const support = proposal.votes[voter.index];
    if (support === undefined) continue;
    await send(voter.privateKey, `account ${voter.index} voting`, { ...call, functionName: 'castVote', args: [proposalId, support] });
  }
  const state = () => client.readContract({ ...call, functionName: 'state', args: [proposalId] });
  if (proposal.until === 'active') return { proposalId, state: await state() };
  const votingPeriod = await client.readContract({ ...call, functionName: 'votingPeriod' });
  await advance(votingPeriod + 1n);
  if ((await state()) !== ProposalState.Succeeded || proposal.until === 'closed') return { proposalId, state: await state() };
  await send(proposer.privateKey, 'queueing', { ...call, functionName: 'queue', args });
  if (proposal.until === 'queued') return { proposalId, state: await state() };
  const delay = await client.readContract({ address: deployments.Constitution, abi: constitutionAbi, functionName: 'getMinDelay' });
  await advance(delay + 1n);
  await send(proposer.privateKey, 'executing', { ...call, functionName: 'execute', args });
  const final = await state();
  if (final !== ProposalState.Executed) throw new Error(`proposal ${proposalId} ended in state ${final}, not executed`);
  log(`  executed  after the voting period and the timelock's ${delay} s delay`);
  return { proposalId, state: final };
}

/**
 * Passes `actions` through the council in office on a local anvil chain: every dev account on the
 * council votes For, and the proposal is queued and executed once chain time has passed the voting
 * period and the timelock's delay. Returns the proposal id, or a reason when the regime in office
 * is not a council of dev accounts.
 */
export async function passThroughLocalCouncil(
  rpcUrl: string,
  deployments: GovernanceDeployments,
  actions: readonly Action[],
  description: string,
  log: (line: string) => void = () => {},
): Promise<{ proposalId: bigint } | { skipped: string }> {
  const votes = Object.fromEntries(LOCAL_COUNCIL.map((i) => [i, Vote.For]));
  const result = await runCouncilProposal(rpcUrl, deployments, { actions, description, votes, until: 'executed' }, log);
  return 'skipped' in result ? result : { proposalId: result.proposalId };
}
