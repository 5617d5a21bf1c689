// The keeper's view of the chain, read fresh every tick: open orders, disputes not executed yet,
// proposals of the governor in office. `KeeperCache` only remembers what can never change again
// (terminal orders, executed disputes, finished proposals, logs already scanned), so a restarted
// keeper rebuilds it from the chain and decides exactly the same.
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { periodFromIndex } from '../../lib/court';
import { constitutionAbi, councilGovernorAbi, disputeCourtAbi, marketplaceAbi } from '../../lib/generated/abis';
import { orderFromRaw, type Order } from '../../lib/market';
import type { AgentContext } from '../runtime';
import { blockRanges } from '../runtime/blockRanges';
import type { DisputeSnapshot, KeeperState, ProposalSnapshot } from './plan';

/** Marketplace.MAX_PAGE_SIZE: most ids one getOrders call reads. */
const ORDER_PAGE = 500;
const OPEN_ORDER_STATES: ReadonlySet<Order['state']> = new Set(['ordered', 'delivered', 'disputed']);
const FINAL_PROPOSAL_STATES: ReadonlySet<ProposalSnapshot['state']> = new Set(['Canceled', 'Defeated', 'Expired', 'Executed']);
/** OpenZeppelin IGovernor.ProposalState, by index. */
const PROPOSAL_STATES = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;
/** Constitution.RegimeKind values of the two governors (monarchy executes only by its monarch). */
const GOVERNOR_KINDS = new Set([2, 3]);

type ProposalDefinition = Omit<ProposalSnapshot, 'state' | 'eta'>;

/** What the keeper knows for good; rebuilt from the chain after a restart. */
export interface KeeperCache {
  /** Orders below this id are all terminal. */
  ordersDoneBelow: bigint;
  /** Disputes below this id are all executed. */
  disputesDoneBelow: bigint;
  /** Proposals per governor, from ProposalCreated logs scanned up to `scannedTo`. */
  proposals: Map<Address, { scannedTo: bigint; open: Map<bigint, ProposalDefinition> }>;
}

export function emptyKeeperCache(): KeeperCache {
  return { ordersDoneBelow: 1n, disputesDoneBelow: 1n, proposals: new Map() };
}

export interface ChainView {
  /** The latest block's timestamp. */
  now: number;
  /** The latest block's number (logs are read up to it). */
  block: bigint;
  state: Omit<KeeperState, 'creditable'>;
}

export async function readKeeperView(ctx: AgentContext, cache: KeeperCache): Promise<ChainView> {
  const latest = await ctx.publicClient.getBlock();
  const [orders, disputes, canDraw, proposals] = await Promise.all([
    readOpenOrders(ctx, cache),
    readOpenDisputes(ctx, cache),
    ctx.publicClient
      .readContract({ address: ctx.deployments.DisputeCourt, abi: disputeCourtAbi, functionName: 'totalDrawWeight', blockNumber: latest.number })
      .then((weight) => weight > 0n),
    readGovernorProposals(ctx, cache, latest.number),
  ]);
  return { now: Number(latest.timestamp), block: latest.number, state: { orders, disputes, canDraw, proposals } };
}

async function readOpenOrders(ctx: AgentContext, cache: KeeperCache): Promise<Order[]> {
  const market = { address: ctx.deployments.Marketplace, abi: marketplaceAbi } as const;
  const count = await ctx.publicClient.readContract({ ...market, functionName: 'orderCount' });
  const open: Order[] = [];
  let allDoneSoFar = true;
  for (let first = cache.ordersDoneBelow; first <= count; first += BigInt(ORDER_PAGE)) {
    const ids: bigint[] = [];
    for (let id = first; id <= count && id < first + BigInt(ORDER_PAGE); id++) ids.push(id);
    const raws = await ctx.publicClient.readContract({ ...market, functionName: 'getOrders', args: [ids] });
    raws.forEach((raw, i) => {
      const order = orderFromRaw(ids[i]!, raw);
      if (OPEN_ORDER_STATES.has(order.state)) {
        allDoneSoFar = false;
        if (order.state !== 'disputed') open.push(order);
      } else if (allDoneSoFar) {
        cache.ordersDoneBelow = order.id + 1n;
      }
    });
  }
  return open;
}

async function readOpenDisputes(ctx: AgentContext, cache: KeeperCache): Promise<DisputeSnapshot[]> {
  const court = { address: ctx.deployments.DisputeCourt, abi: disputeCourtAbi } as const;
  const count = await ctx.publicClient.readContract({ ...court, functionName: 'disputeCount' });
  const open: DisputeSnapshot[] = [];
  let allDoneSoFar = true;
  for (let id = cache.disputesDoneBelow; id <= count; id++) {
    const d = await ctx.publicClient.readContract({ ...court, functionName: 'getDispute', args: [id] });
    const period = periodFromIndex(d.period);
    if (period === 'executed') {
      if (allDoneSoFar) cache.disputesDoneBelow = id + 1n;
      continue;
    }
    allDoneSoFar = false;
    const round = await ctx.publicClient.readContract({ ...court, functionName: 'getRound', args: [id, BigInt(d.round)] });
    open.push({ id, period, round: d.round, periodEnd: d.periodEnd, jurors: round.ballots.length, commits: round.commits, reveals: round.reveals });
  }
  return open;
}

/** Proposals of the governor in office that are not final (none under a monarchy). */
async function readGovernorProposals(ctx: AgentContext, cache: KeeperCache, toBlock: bigint): Promise<ProposalSnapshot[]> {
  const [kind, governor] = await ctx.publicClient.readContract({ address: ctx.deployments.Constitution, abi: constitutionAbi, functionName: 'currentRegime' });
  if (!GOVERNOR_KINDS.has(kind)) return [];
  const known = cache.proposals.get(governor) ?? { scannedTo: BigInt(ctx.deployments.deployBlock) - 1n, open: new Map() };
  cache.proposals.set(governor, known);
  // The two governors share the Governor interface; the council's ABI reads both.
  const abi = councilGovernorAbi;
  for (const range of blockRanges(known.scannedTo + 1n, toBlock)) {
    const logs = await ctx.publicClient.getContractEvents({ address: governor, abi, eventName: 'ProposalCreated', ...range, strict: true });
    for (const { args } of logs) {
      known.open.set(args.proposalId, {
        governor,
        id: args.proposalId,
        targets: args.targets,
        values: args.values,
        calldatas: args.calldatas,
        descriptionHash: descriptionHash(args.description),
      });
    }
    known.scannedTo = range.toBlock;
  }
  const snapshots: ProposalSnapshot[] = [];
  for (const definition of known.open.values()) {
    const [stateIndex, eta] = await Promise.all([
      ctx.publicClient.readContract({ address: governor, abi, functionName: 'state', args: [definition.id] }),
      ctx.publicClient.readContract({ address: governor, abi, functionName: 'proposalEta', args: [definition.id] }),
    ]);
    const state = PROPOSAL_STATES[stateIndex] ?? 'Pending';
    if (FINAL_PROPOSAL_STATES.has(state)) known.open.delete(definition.id);
    else snapshots.push({ ...definition, state, eta: Number(eta) });
  }
  return snapshots;
}

/** Governor's descriptionHash: keccak256 of the description's UTF-8 bytes. */
export function descriptionHash(description: string): Hex {
  return keccak256(stringToHex(description));
}
