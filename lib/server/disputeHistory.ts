// Server read of one collaborator's dispute history for its profile: Marketplace events naming it as
// seller or buyer (OrderDisputed, DisputeResolved, SellerSlashed), then, for disputes still open, where
// they stand in the court. The first round trip joins the profile's other reads in one JSON-RPC batch
// (the page starts them together); results are kept per account until the next block.
import 'server-only';
import { getAbiItem, type Address } from 'viem';
import { disputeCourtAbi, marketplaceAbi } from '../generated/abis';
import { countDisputes, outcomeFor, type DisputeCounts, type DisputeHistoryEntry } from '../disputeHistory';
import { COURT_PERIODS } from '../jurors';
import { serverConfig } from './config';
import { publicClient } from './data';

const disputed = getAbiItem({ abi: marketplaceAbi, name: 'OrderDisputed' });
const resolved = getAbiItem({ abi: marketplaceAbi, name: 'DisputeResolved' });
const slashed = getAbiItem({ abi: marketplaceAbi, name: 'SellerSlashed' });

export interface DisputeHistory {
  /** Newest first. */
  entries: DisputeHistoryEntry[];
  counts: DisputeCounts;
}

const cache = new Map<string, { block: bigint; history: DisputeHistory }>();
const MAX_CACHED = 256;

/** Disputes with `account` as seller or buyer, as of `block` (the directory snapshot's block). */
export async function readDisputeHistory(account: Address, block: bigint): Promise<DisputeHistory> {
  const cacheKey = account.toLowerCase();
  const hit = cache.get(cacheKey);
  if (hit && hit.block === block) return hit.history;

  const client = publicClient();
  const { deployments } = serverConfig();
  const market = deployments.Marketplace;
  const range = { fromBlock: BigInt(deployments.deployBlock), toBlock: block } as const;
  const [asSeller, asBuyer, resolvedAsSeller, resolvedAsBuyer, slashes] = await Promise.all([
    client.getLogs({ address: market, event: disputed, args: { seller: account }, ...range }),
    client.getLogs({ address: market, event: disputed, args: { buyer: account }, ...range }),
    client.getLogs({ address: market, event: resolved, args: { seller: account }, ...range }),
    client.getLogs({ address: market, event: resolved, args: { buyer: account }, ...range }),
    client.getLogs({ address: market, event: slashed, args: { seller: account }, ...range }),
  ]);
  const rulings = new Map([...resolvedAsSeller, ...resolvedAsBuyer].map((l) => [l.args.orderId!.toString(), Number(l.args.ruling!)]));
  const slashedByOrder = new Map<string, bigint>();
  for (const l of slashes) {
    const id = l.args.orderId!.toString();
    slashedByOrder.set(id, (slashedByOrder.get(id) ?? 0n) + (l.args.amount ?? 0n));
  }

  const entries: DisputeHistoryEntry[] = [
    ...asSeller.map((l) => ({ log: l, role: 'seller' as const, counterparty: l.args.buyer! })),
    ...asBuyer.map((l) => ({ log: l, role: 'buyer' as const, counterparty: l.args.seller! })),
  ]
    .sort((a, b) => Number(b.log.blockNumber - a.log.blockNumber) || b.log.logIndex - a.log.logIndex)
    .map(({ log, role, counterparty }) => {
      const orderId = log.args.orderId!;
      const ruling = rulings.get(orderId.toString()) ?? null;
      return {
        orderId,
        disputeId: log.args.disputeId!,
        role,
        counterparty,
        outcome: outcomeFor(role, ruling),
        ruling,
        slashed: role === 'seller' ? (slashedByOrder.get(orderId.toString()) ?? 0n) : 0n,
        period: null,
        round: 0,
      };
    });

  // Where open disputes stand now (one batched call each).
  const open = entries.filter((e) => e.outcome === 'open');
  if (open.length > 0) {
    const court = { address: deployments.DisputeCourt, abi: disputeCourtAbi } as const;
    const views = await Promise.all(
      open.map((e) => client.readContract({ ...court, functionName: 'getDispute', args: [e.disputeId], blockNumber: block }).catch(() => null)),
    );
    open.forEach((e, i) => {
      const v = views[i];
      if (!v) return;
      e.period = COURT_PERIODS[v.period] ?? null;
      e.round = v.round;
    });
  }

  const history = { entries, counts: countDisputes(entries) };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, { block, history });
  return history;
}
