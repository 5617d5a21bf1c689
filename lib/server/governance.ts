// Server reads of the governance: the regime in office and its rules, and the proposals of the
// council and the democracy (from ProposalCreated events, their state and tallies batched).
import 'server-only';
import type { Address, Hex } from 'viem';
import { PARAMETERS, type ParameterKey } from '../governanceParameters';
import { moduleAbis } from '../modules';
import { serverConfig } from './config';
import { publicClient } from './data';

/** Constitution.RegimeKind. */
export const REGIME_KINDS = ['none', 'monarchy', 'council', 'democracy'] as const;
export type RegimeKindName = (typeof REGIME_KINDS)[number];

/** OpenZeppelin IGovernor.ProposalState, by its index. */
export const PROPOSAL_STATES = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

export type RegimeRules =
  | { kind: 'none' }
  | { kind: 'monarchy'; monarch: Address; heir: Address | null; heartbeatPeriod: number; lastHeartbeat: number }
  | { kind: 'council' | 'democracy'; votingDelay: number; votingPeriod: number; quorumPercent: number; threshold: bigint; members: Address[] };

export interface Governance {
  regime: Address;
  since: number;
  minDelay: number;
  rules: RegimeRules;
  chainTime: number;
  proposals: Proposal[];
  scheduled: ScheduledOperation[];
}

/** A timelock operation scheduled and not yet executed nor cancelled (any regime's). */
export interface ScheduledOperation {
  id: Hex;
  /** The salt it was scheduled with (needed to execute it; zero when none was given). */
  salt: Hex;
  calls: { target: Address; value: bigint; data: Hex }[];
  /** When it can be executed (chain time, seconds). */
  readyAt: number;
}

export interface Proposal {
  id: bigint;
  governor: 'council' | 'democracy';
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
  voteStart: number;
  voteEnd: number;
  state: ProposalStateName;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** When a queued proposal can be executed (0 when not queued). */
  eta: number;
}

const ZERO = '0x0000000000000000000000000000000000000000';
const ZERO_SALT: Hex = `0x${'0'.repeat(64)}`;

/** The regime in office, its rules, and every proposal of the council and the democracy. */
export async function readGovernance(): Promise<Governance> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const constitution = { address: d.Constitution, abi: moduleAbis.Constitution } as const;
  const [[kindIndex, regime, since], minDelay, block] = await Promise.all([
    client.readContract({ ...constitution, functionName: 'currentRegime' }),
    client.readContract({ ...constitution, functionName: 'getMinDelay' }),
    client.getBlock(),
  ]);
  const kind = REGIME_KINDS[kindIndex] ?? 'none';
  const [rules, proposals, scheduled] = await Promise.all([readRules(kind), readProposals(), readScheduled()]);
  return { regime, since: Number(since), minDelay: Number(minDelay), rules, chainTime: Number(block.timestamp), proposals, scheduled };
}

async function readRules(kind: RegimeKindName): Promise<RegimeRules> {
  const client = publicClient();
  const d = serverConfig().deployments;
  if (kind === 'monarchy') {
    const m = { address: d.MonarchyRegime, abi: moduleAbis.MonarchyRegime } as const;
    const [monarch, heir, heartbeatPeriod, lastHeartbeat] = await Promise.all([
      client.readContract({ ...m, functionName: 'monarch' }),
      client.readContract({ ...m, functionName: 'heir' }),
      client.readContract({ ...m, functionName: 'heartbeatPeriod' }),
      client.readContract({ ...m, functionName: 'lastHeartbeat' }),
    ]);
    return { kind, monarch, heir: heir === ZERO ? null : heir, heartbeatPeriod, lastHeartbeat };
  }
  if (kind === 'council' || kind === 'democracy') {
    // The two governors share the Governor interface read here.
    const g = { address: kind === 'council' ? d.CouncilGovernor : d.DemocracyGovernor, abi: moduleAbis.CouncilGovernor } as const;
    const [votingDelay, votingPeriod, quorumPercent, threshold, members] = await Promise.all([
      client.readContract({ ...g, functionName: 'votingDelay' }),
      client.readContract({ ...g, functionName: 'votingPeriod' }),
      client.readContract({ ...g, functionName: 'quorumNumerator' }),
      client.readContract({ ...g, functionName: 'proposalThreshold' }),
      kind === 'council' ? client.readContract({ address: d.CouncilSeats, abi: moduleAbis.CouncilSeats, functionName: 'members' }) : Promise.resolve([]),
    ]);
    return {
      kind,
      votingDelay: Number(votingDelay),
      votingPeriod: Number(votingPeriod),
      quorumPercent: Number(quorumPercent),
      threshold,
      members: [...members],
    };
  }
  return { kind: 'none' };
}

async function readProposals(): Promise<Proposal[]> {
  const client = publicClient();
  const { deployments: d } = serverConfig();
  const fromBlock = BigInt(d.deployBlock);
  const [councilLogs, democracyLogs] = await Promise.all([
    client.getContractEvents({ address: d.CouncilGovernor, abi: moduleAbis.CouncilGovernor, eventName: 'ProposalCreated', fromBlock, strict: true }),
    client.getContractEvents({ address: d.DemocracyGovernor, abi: moduleAbis.DemocracyGovernor, eventName: 'ProposalCreated', fromBlock, strict: true }),
  ]);
  const created = [
    ...councilLogs.map((log) => ({ governor: 'council' as const, address: d.CouncilGovernor, args: log.args })),
    ...democracyLogs.map((log) => ({ governor: 'democracy' as const, address: d.DemocracyGovernor, args: log.args })),
  ];
  const abi = moduleAbis.CouncilGovernor; // the two governors share the Governor interface
  const details = await Promise.all(
    created.map(({ address, args }) =>
      Promise.all([
        client.readContract({ address, abi, functionName: 'state', args: [args.proposalId] }),
        client.readContract({ address, abi, functionName: 'proposalVotes', args: [args.proposalId] }),
        client.readContract({ address, abi, functionName: 'proposalEta', args: [args.proposalId] }),
      ]),
    ),
  );
  return created
    .map(({ governor, args }, i) => {
      const [state, [against, forVotes, abstain], eta] = details[i]!;
      return {
        id: args.proposalId,
        governor,
        proposer: args.proposer,
        targets: args.targets,
        values: args.values,
        calldatas: args.calldatas,
        description: args.description,
        voteStart: Number(args.voteStart),
        voteEnd: Number(args.voteEnd),
        state: PROPOSAL_STATES[state] ?? 'Pending',
        votes: { against, for: forVotes, abstain },
        eta: Number(eta),
      };
    })
    .sort((a, b) => b.voteStart - a.voteStart);
}

/** The quorum of a proposal whose snapshot (`voteStart`) is in the past; null before it. */
export async function readQuorum(governor: Proposal['governor'], voteStart: number, chainTime: number): Promise<bigint | null> {
  if (voteStart >= chainTime) return null;
  const d = serverConfig().deployments;
  const address = governor === 'council' ? d.CouncilGovernor : d.DemocracyGovernor;
  return publicClient().readContract({ address, abi: moduleAbis.CouncilGovernor, functionName: 'quorum', args: [BigInt(voteStart)] });
}

/** Operations of the Constitution still pending (CallScheduled events, then getTimestamp > 1). */
async function readScheduled(): Promise<ScheduledOperation[]> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const constitution = { address: d.Constitution, abi: moduleAbis.Constitution } as const;
  const fromBlock = BigInt(d.deployBlock);
  const [logs, saltLogs] = await Promise.all([
    client.getContractEvents({ ...constitution, eventName: 'CallScheduled', fromBlock, strict: true }),
    client.getContractEvents({ ...constitution, eventName: 'CallSalt', fromBlock, strict: true }),
  ]);
  const salts = new Map(saltLogs.map((log) => [log.args.id, log.args.salt]));
  const byId = new Map<Hex, ScheduledOperation['calls']>();
  for (const log of logs) {
    const calls = byId.get(log.args.id) ?? [];
    calls[Number(log.args.index)] = { target: log.args.target, value: log.args.value, data: log.args.data };
    byId.set(log.args.id, calls);
  }
  const ids = [...byId.keys()];
  const times = await Promise.all(ids.map((id) => client.readContract({ ...constitution, functionName: 'getTimestamp', args: [id] })));
  return ids
    .map((id, i) => ({ id, salt: salts.get(id) ?? ZERO_SALT, calls: byId.get(id)!, readyAt: Number(times[i]!) }))
    .filter((op) => op.readyAt > 1) // 0: cancelled or unknown, 1: done
    .sort((a, b) => a.readyAt - b.readyAt);
}

/** The kind of the regime in office, or null when the chain or the deployment is unavailable. */
export async function tryReadRegimeKind(): Promise<RegimeKindName | null> {
  try {
    const d = serverConfig().deployments;
    const kind = await publicClient().readContract({ address: d.Constitution, abi: moduleAbis.Constitution, functionName: 'regimeKind' });
    return REGIME_KINDS[kind] ?? null;
  } catch {
    return null;
  }
}

export interface CastVote {
  voter: Address;
  support: 'For' | 'Against' | 'Abstain';
  weight: bigint;
  /** Untrusted: render as text. */
  reason: string;
}

/** The votes cast on one proposal, in order (VoteCast events; the proposal id is not indexed). */
export async function readVotes(governor: Proposal['governor'], proposalId: bigint): Promise<CastVote[]> {
  const d = serverConfig().deployments;
  const address = governor === 'council' ? d.CouncilGovernor : d.DemocracyGovernor;
  const logs = await publicClient().getContractEvents({
    address,
    abi: moduleAbis.CouncilGovernor,
    eventName: 'VoteCast',
    fromBlock: BigInt(d.deployBlock),
    strict: true,
  });
  const names = ['Against', 'For', 'Abstain'] as const;
  return logs
    .filter((log) => log.args.proposalId === proposalId)
    .map((log) => ({ voter: log.args.voter, support: names[log.args.support] ?? 'Abstain', weight: log.args.weight, reason: log.args.reason }));
}

/** The current raw value of every parameter the wizard can change (decimal strings). */
export async function readParameters(): Promise<Partial<Record<ParameterKey, string>>> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const values = await Promise.all(
    PARAMETERS.map((p) => client.readContract({ address: d[p.module], abi: moduleAbis[p.module], functionName: p.getter } as Parameters<typeof client.readContract>[0])),
  );
  return Object.fromEntries(PARAMETERS.map((p, i) => [p.key, String(values[i])]));
}

/** One account's weight in the democracy now. */
export interface Participant {
  account: Address;
  weight: bigint;
}

/** The democracy's top participants by weight now (accounts ever credited, from ActivityCredited events), and the total weight. */
export async function readTopParticipants(limit = 10): Promise<{ top: Participant[]; total: bigint }> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const votes = { address: d.ActivityVotes, abi: moduleAbis.ActivityVotes } as const;
  const [logs, total] = await Promise.all([
    client.getContractEvents({ ...votes, eventName: 'ActivityCredited', fromBlock: BigInt(d.deployBlock), strict: true }),
    client.readContract({ ...votes, functionName: 'getTotalVotes' }),
  ]);
  const accounts = [...new Set(logs.map((log) => log.args.account))];
  const weights = await Promise.all(accounts.map((account) => client.readContract({ ...votes, functionName: 'getVotes', args: [account] })));
  const top = accounts
    .map((account, i) => ({ account, weight: weights[i]! }))
    .filter((p) => p.weight > 0n)
    .sort((a, b) => (a.weight === b.weight ? 0 : a.weight > b.weight ? -1 : 1))
    .slice(0, limit);
  return { top, total };
}
