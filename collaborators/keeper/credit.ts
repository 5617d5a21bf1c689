// Activity the keeper credits through the ActivityCreditor: settled orders (OrderSettled logs),
// ratings (Reputation's Rated logs) and coherent jury duty (the ballots of rounds announced by
// RoundSettled logs with a winning choice). Candidates come from the logs, the creditor's own
// views say which are credited already, so the result depends on the chain only.
import type { Address } from 'viem';
import type { Deployments } from '../../lib/chain';
import { activityCreditorAbi, disputeCourtAbi, marketplaceAbi, reputationAbi } from '../../lib/generated/abis';
import type { AgentContext } from '../runtime';
import { blockRanges } from '../runtime/blockRanges';
import type { CreditableActivity, JuryDuty, KeeperAction } from './plan';

/** Candidates found in logs up to `scannedTo` and not yet seen credited. */
export interface CreditCache {
  scannedTo: bigint | null;
  orders: Set<bigint>;
  ratings: Set<bigint>;
  duties: Map<string, JuryDuty>;
}

export function emptyCreditCache(): CreditCache {
  return { scannedTo: null, orders: new Set(), ratings: new Set(), duties: new Map() };
}

const dutyKey = (d: JuryDuty): string => `${d.disputeId}:${d.round}:${d.juror.toLowerCase()}`;

/** What the ActivityCreditor would credit now (and has not yet), scanning logs up to `toBlock`. */
export async function readCreditable(ctx: AgentContext, cache: CreditCache, toBlock: bigint): Promise<CreditableActivity> {
  await scanNewWork(ctx, cache, toBlock);
  const creditor = { address: ctx.deployments.ActivityCreditor, abi: activityCreditorAbi } as const;
  const ids = [...new Set([...cache.orders, ...cache.ratings])];
  const flags = ids.length ? await ctx.publicClient.readContract({ ...creditor, functionName: 'creditedFlags', args: [ids] }) : [];
  ids.forEach((id, i) => {
    const flag = flags[i] ?? 0;
    if (flag & 1) cache.orders.delete(id);
    if (flag & 2) cache.ratings.delete(id);
  });
  for (const [key, duty] of cache.duties) {
    const done = await ctx.publicClient.readContract({ ...creditor, functionName: 'isJuryDutyCredited', args: [duty.disputeId, duty.round, duty.juror] });
    if (done) cache.duties.delete(key);
  }
  const byId = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    orderIds: [...cache.orders].sort(byId),
    ratedOrderIds: [...cache.ratings].sort(byId),
    juryDuties: [...cache.duties.values()],
  };
}

async function scanNewWork(ctx: AgentContext, cache: CreditCache, toBlock: bigint): Promise<void> {
  const fromBlock = cache.scannedTo === null ? BigInt(ctx.deployments.deployBlock) : cache.scannedTo + 1n;
  const d = ctx.deployments;
  for (const slice of blockRanges(fromBlock, toBlock)) {
    const range = { ...slice, strict: true } as const;
    const [settled, rated, rounds] = await Promise.all([
      ctx.publicClient.getContractEvents({ address: d.Marketplace, abi: marketplaceAbi, eventName: 'OrderSettled', ...range }),
      ctx.publicClient.getContractEvents({ address: d.Reputation, abi: reputationAbi, eventName: 'Rated', ...range }),
      ctx.publicClient.getContractEvents({ address: d.DisputeCourt, abi: disputeCourtAbi, eventName: 'RoundSettled', ...range }),
    ]);
    for (const log of settled) cache.orders.add(log.args.orderId);
    for (const log of rated) cache.ratings.add(log.args.orderId);
    for (const log of rounds) {
      if (log.args.ruling === 0n) continue; // no winning choice: nobody is coherent
      for (const duty of await coherentDuties(ctx, log.args.disputeId, log.args.round)) cache.duties.set(dutyKey(duty), duty);
    }
    cache.scannedTo = slice.toBlock;
  }
}

/** Jurors who revealed the round's winning choice. */
async function coherentDuties(ctx: AgentContext, disputeId: bigint, round: bigint): Promise<JuryDuty[]> {
  const r = await ctx.publicClient.readContract({ address: ctx.deployments.DisputeCourt, abi: disputeCourtAbi, functionName: 'getRound', args: [disputeId, round] });
  if (!r.settled || r.ruling === 0) return [];
  return r.ballots.filter((b) => b.revealed && b.choice === r.ruling).map((b): JuryDuty => ({ disputeId, round, juror: b.juror as Address }));
}

/** The creditAll call of a planned credit action. */
export function activityCreditorCall(deployments: Deployments, action: Extract<KeeperAction, { kind: 'credit' }>) {
  return {
    address: deployments.ActivityCreditor,
    abi: activityCreditorAbi,
    functionName: 'creditAll',
    args: [action.orderIds, action.ratedOrderIds, action.juryDuties],
  } as const;
}
