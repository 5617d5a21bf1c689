// Server reads of the dispute court for /disputes and /disputes/[id]. The list is read in a few
// batched round trips (one getDispute per dispute in one JSON-RPC batch, the rest from events) and
// cached until a new block; a dispute page reads everything about one dispute concurrently.
import 'server-only';
import { getAbiItem, hexToBigInt, type Address, type Hex } from 'viem';
import { periodFromIndex, type DisputeListItem, type Durations, type Period } from '../court';
import { orderFromRaw, type Order } from '../market';
import { moduleAbis } from '../modules';
import { serverConfig } from './config';
import { readDocument } from './contentStore';
import { publicClient, readHead } from './data';

const courtAbi = moduleAbis.DisputeCourt;
const marketAbi = moduleAbis.Marketplace;
const ev = {
  drawn: getAbiItem({ abi: courtAbi, name: 'JurorDrawn' }),
  newPeriod: getAbiItem({ abi: courtAbi, name: 'NewPeriod' }),
  jurorSettled: getAbiItem({ abi: courtAbi, name: 'JurorSettled' }),
  evidence: getAbiItem({ abi: courtAbi, name: 'Evidence' }),
  orderPlaced: getAbiItem({ abi: marketAbi, name: 'OrderPlaced' }),
  orderDelivered: getAbiItem({ abi: marketAbi, name: 'OrderDelivered' }),
  orderDisputed: getAbiItem({ abi: marketAbi, name: 'OrderDisputed' }),
  marketDispute: getAbiItem({ abi: marketAbi, name: 'Dispute' }),
  appealed: getAbiItem({ abi: marketAbi, name: 'OrderAppealed' }),
  resolved: getAbiItem({ abi: marketAbi, name: 'DisputeResolved' }),
  slashed: getAbiItem({ abi: marketAbi, name: 'SellerSlashed' }),
};

function addresses() {
  const { deployments } = serverConfig();
  return { court: deployments.DisputeCourt, market: deployments.Marketplace, fromBlock: BigInt(deployments.deployBlock) };
}

/** One dispute as the list shows it. */
export interface DisputeSummary extends DisputeListItem {
  arbitrable: Address;
  ruling: number;
  periodStart: number;
  periodEnd: number;
  /** The marketplace order under dispute (null for another arbitrable's dispute). */
  orderId: bigint | null;
  price: bigint | null;
  serviceId: bigint | null;
}

export interface DisputeList {
  block: bigint;
  /** The list is cached per block hash (a reorg or a reverted test chain re-reads it). */
  blockHash: Hex;
  chainNow: number;
  disputes: DisputeSummary[];
}

let listCache: DisputeList | null = null;

// Creation code that returns TIMESTAMP: run with eth_call on the pending block, it tells the time
// the next transaction would see (anvil's clock moves with evm_increaseTime and mines on demand,
// so the latest block can be far behind).
const TIMESTAMP_CODE: Hex = '0x4260005260206000f3';

/** Chain time now: the pending block's timestamp when the node tells it, else the latest block's. */
export async function readChainNow(latest?: { timestamp: bigint }): Promise<number> {
  const client = publicClient();
  const [block, pending] = await Promise.all([
    latest ?? client.getBlock({ blockTag: 'latest' }),
    client.call({ data: TIMESTAMP_CODE, blockTag: 'pending' }).catch(() => null),
  ]);
  const latestTs = Number(block.timestamp);
  const pendingTs = pending?.data && pending.data.length === 66 ? Number(hexToBigInt(pending.data)) : 0;
  // A node answering nonsense (far past or far future) is ignored.
  return pendingTs >= latestTs && pendingTs - latestTs < 10 * 365 * 86_400 ? pendingTs : latestTs;
}

/** Every dispute of the court, newest first, as of the latest block (cached until a new one). */
export async function readDisputeList(): Promise<DisputeList> {
  const client = publicClient();
  const head = await client.getBlock({ blockTag: 'latest' });
  const block = head.number;
  if (listCache && listCache.blockHash === head.hash) {
    return { ...listCache, chainNow: await readChainNow(head) };
  }
  const { court, market, fromBlock } = addresses();
  const [count, chainNow, disputedLogs, marketDisputeLogs, drawnLogs] = await Promise.all([
    client.readContract({ address: court, abi: courtAbi, functionName: 'disputeCount' }),
    readChainNow(head),
    client.getLogs({ address: market, event: ev.orderDisputed, fromBlock, toBlock: block }),
    client.getLogs({ address: market, event: ev.marketDispute, args: { _arbitrator: court }, fromBlock, toBlock: block }),
    client.getLogs({ address: court, event: ev.drawn, fromBlock, toBlock: block }),
  ]);
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
  const views = await Promise.all(ids.map((id) => client.readContract({ address: court, abi: courtAbi, functionName: 'getDispute', args: [id], blockNumber: block })));

  // The marketplace emits Dispute (with the arbitrator) and OrderDisputed in the same transaction.
  const disputeOfTx = new Map(marketDisputeLogs.map((l) => [l.transactionHash, l.args._disputeID!]));
  const orderOf = new Map<string, { orderId: bigint; buyer: Address; seller: Address }>();
  for (const l of disputedLogs) {
    const disputeId = disputeOfTx.get(l.transactionHash);
    if (disputeId !== undefined && disputeId === l.args.disputeId) {
      orderOf.set(disputeId.toString(), { orderId: l.args.orderId!, buyer: l.args.buyer!, seller: l.args.seller! });
    }
  }
  const orderIds = [...orderOf.values()].map((o) => o.orderId);
  const orders = orderIds.length === 0 ? [] : await client.readContract({ address: market, abi: marketAbi, functionName: 'getOrders', args: [orderIds], blockNumber: block });
  const orderById = new Map(orders.map((raw, i) => [orderIds[i]!.toString(), raw]));
  const jurorsOf = new Map<string, Set<string>>();
  for (const l of drawnLogs) {
    const key = l.args.disputeId!.toString();
    if (!jurorsOf.has(key)) jurorsOf.set(key, new Set());
    jurorsOf.get(key)!.add(l.args.juror!.toLowerCase());
  }

  const disputes = views.map((v, i): DisputeSummary => {
    const id = ids[i]!;
    const ref = v.arbitrable.toLowerCase() === market.toLowerCase() ? orderOf.get(id.toString()) : undefined;
    const raw = ref ? orderById.get(ref.orderId.toString()) : undefined;
    return {
      id,
      arbitrable: v.arbitrable,
      period: periodFromIndex(v.period),
      round: v.round,
      ruling: v.ruling,
      periodStart: Number(v.periodStart),
      periodEnd: Number(v.periodEnd),
      buyer: ref?.buyer ?? null,
      seller: ref?.seller ?? null,
      orderId: ref?.orderId ?? null,
      price: raw?.price ?? null,
      serviceId: raw?.serviceId ?? null,
      jurors: [...(jurorsOf.get(id.toString()) ?? [])],
    };
  });
  disputes.reverse();
  listCache = { block, blockHash: head.hash, chainNow, disputes };
  return listCache;
}

// ─────────────────────────────── One dispute ───────────────────────────────

export interface Ballot {
  juror: Address;
  seats: number;
  committed: boolean;
  revealed: boolean;
  choice: number;
  locked: bigint;
  commitment: Hex;
  /** Once the round is settled: stake released, stake lost and reward credited. */
  settlement: { released: bigint; penalty: bigint; reward: bigint } | null;
}

export interface RoundDetail {
  index: number;
  seats: number;
  commits: number;
  reveals: number;
  /** Revealed seats per choice: [refused, buyer, seller]. */
  votes: [number, number, number];
  coherentSeats: number;
  ruling: number;
  settled: boolean;
  fees: bigint;
  penalties: bigint;
  rewards: bigint;
  ballots: Ballot[];
  /** Start of each period of this round (from NewPeriod events). */
  starts: Partial<Record<Period, number>>;
  /** Who appealed into this round, and what it cost (rounds after the first). */
  appeal: { appellant: Address; cost: bigint } | null;
}

export interface EvidenceItem {
  party: Address;
  uri: string;
  blockNumber: bigint;
  /** From the marketplace (the buyer's reason for the dispute) or submitted to the court. */
  source: 'marketplace' | 'court';
}

export interface DisputeDetail {
  id: bigint;
  block: bigint;
  chainNow: number;
  court: Address;
  arbitrable: Address;
  period: Period;
  round: number;
  ruling: number;
  periodStart: number;
  periodEnd: number;
  /** Null when no further appeal is possible. */
  appealCost: bigint | null;
  maxRounds: number;
  durations: Durations;
  rounds: RoundDetail[];
  evidence: EvidenceItem[];
  order: (Order & { serviceTitle: string; requestURI: string; resultURI: string | null }) | null;
  /** Marketplace DisputeResolved, once the ruling was applied. */
  resolution: { ruling: number; refund: bigint; payout: bigint; fee: bigint; slashed: bigint } | null;
}

const MAX_UINT = 2n ** 256n - 1n;

/** Everything about dispute `id`, or null when the court has no such dispute. */
export async function readDispute(id: bigint): Promise<DisputeDetail | null> {
  const client = publicClient();
  const { court, market, fromBlock } = addresses();
  const block = await readHead();
  const count = await client.readContract({ address: court, abi: courtAbi, functionName: 'disputeCount', blockNumber: block });
  if (id < 1n || id > count) return null;
  const at = { blockNumber: block } as const;
  const [view, params, chainNow, orderId, periodLogs, evidenceLogs, settledLogs] = await Promise.all([
    client.readContract({ address: court, abi: courtAbi, functionName: 'getDispute', args: [id], ...at }),
    client.readContract({ address: court, abi: courtAbi, functionName: 'params', ...at }),
    readChainNow(),
    client.readContract({ address: market, abi: marketAbi, functionName: 'orderOfDispute', args: [court, id], ...at }),
    client.getLogs({ address: court, event: ev.newPeriod, args: { disputeId: id }, fromBlock, toBlock: block }),
    client.getLogs({ address: [court, market], event: ev.evidence, args: { _arbitrator: court, _evidenceGroupID: id }, fromBlock, toBlock: block }),
    client.getLogs({ address: court, event: ev.jurorSettled, args: { disputeId: id }, fromBlock, toBlock: block }),
  ]);
  const isMarket = view.arbitrable.toLowerCase() === market.toLowerCase() && orderId !== 0n;
  const roundIndexes = Array.from({ length: view.round + 1 }, (_, r) => r);
  const [rounds, raw, appealLogs, resolvedLogs, slashedLogs] = await Promise.all([
    Promise.all(roundIndexes.map((r) => client.readContract({ address: court, abi: courtAbi, functionName: 'getRound', args: [id, BigInt(r)], ...at }))),
    isMarket ? client.readContract({ address: market, abi: marketAbi, functionName: 'getOrder', args: [orderId], ...at }) : Promise.resolve(null),
    isMarket ? client.getLogs({ address: market, event: ev.appealed, args: { orderId }, fromBlock, toBlock: block }) : Promise.resolve([]),
    isMarket ? client.getLogs({ address: market, event: ev.resolved, args: { orderId }, fromBlock, toBlock: block }) : Promise.resolve([]),
    isMarket ? client.getLogs({ address: market, event: ev.slashed, args: { orderId }, fromBlock, toBlock: block }) : Promise.resolve([]),
  ]);
  const [service, placedLogs, deliveredLogs] = raw
    ? await Promise.all([
        client.readContract({ address: market, abi: marketAbi, functionName: 'getService', args: [raw.serviceId], ...at }),
        client.getLogs({ address: market, event: ev.orderPlaced, args: { buyer: raw.buyer, serviceId: raw.serviceId }, fromBlock, toBlock: block }),
        client.getLogs({ address: market, event: ev.orderDelivered, args: { orderId }, fromBlock, toBlock: block }),
      ])
    : [null, [], []];

  const settlements = new Map(
    settledLogs.map((l) => [`${l.args.round}:${l.args.juror!.toLowerCase()}`, { released: l.args.released!, penalty: l.args.penalty!, reward: l.args.reward! }]),
  );
  const ourAppeals = appealLogs.filter((l) => l.args.disputeId === id);
  const resolved = resolvedLogs[0];
  return {
    id,
    block,
    chainNow,
    court,
    arbitrable: view.arbitrable,
    period: periodFromIndex(view.period),
    round: view.round,
    ruling: view.ruling,
    periodStart: Number(view.periodStart),
    periodEnd: Number(view.periodEnd),
    appealCost: view.appealCost === MAX_UINT ? null : view.appealCost,
    maxRounds: params.maxRounds,
    durations: { evidence: params.evidenceDuration, commit: params.commitDuration, reveal: params.revealDuration, appeal: params.appealDuration },
    rounds: rounds.map((r, index): RoundDetail => {
      const starts: Partial<Record<Period, number>> = {};
      for (const l of periodLogs) if (Number(l.args.round) === index) starts[periodFromIndex(l.args.period!)] = Number(l.args.start);
      const appeal = index > 0 ? ourAppeals[index - 1] : undefined;
      return {
        index,
        seats: r.seats,
        commits: r.commits,
        reveals: r.reveals,
        votes: [r.votes[0], r.votes[1], r.votes[2]],
        coherentSeats: r.coherentSeats,
        ruling: r.ruling,
        settled: r.settled,
        fees: r.fees,
        penalties: r.penalties,
        rewards: r.rewards,
        starts,
        appeal: appeal ? { appellant: appeal.args.appellant!, cost: appeal.args.cost! } : null,
        ballots: r.ballots.map((b) => ({
          juror: b.juror,
          seats: b.seats,
          committed: b.committed,
          revealed: b.revealed,
          choice: b.choice,
          locked: b.locked,
          commitment: b.commitment,
          settlement: settlements.get(`${index}:${b.juror.toLowerCase()}`) ?? null,
        })),
      };
    }),
    evidence: evidenceLogs
      .map((l) => ({
        party: l.args._party!,
        uri: l.args._evidence ?? '',
        blockNumber: l.blockNumber,
        source: l.address.toLowerCase() === market.toLowerCase() ? ('marketplace' as const) : ('court' as const),
      }))
      .sort((a, b) => (a.blockNumber === b.blockNumber ? 0 : a.blockNumber < b.blockNumber ? -1 : 1)),
    order: raw
      ? {
          ...orderFromRaw(orderId, raw),
          serviceTitle: service?.title ?? '',
          requestURI: placedLogs.find((l) => l.args.orderId === orderId)?.args.requestURI ?? '',
          resultURI: deliveredLogs[0]?.args.resultURI ?? null,
        }
      : null,
    resolution: resolved
      ? {
          ruling: resolved.args.ruling!,
          refund: resolved.args.refund!,
          payout: resolved.args.payout!,
          fee: resolved.args.fee!,
          slashed: slashedLogs.reduce((sum, l) => sum + l.args.amount!, 0n),
        }
      : null,
  };
}

const EXCERPT_CHARS = 4_000;

/** The text of ipfs:// documents this app stores (verified against their CID), by URI; others are left out. */
export async function readDocumentTexts(uris: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  await Promise.all(
    [...new Set(uris)].map(async (uri) => {
      const doc = await readDocument(uri).catch(() => null);
      if (!doc) return;
      const text = new TextDecoder().decode(doc.bytes);
      texts.set(uri, text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);
    }),
  );
  return texts;
}
