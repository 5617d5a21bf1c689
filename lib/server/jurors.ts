// Server reads of one juror's side of the DisputeCourt, for the Court section of /me (through
// /api/jurors/[address]). Two batched round trips at one pinned block — the juror's record, the
// court's parameters and the juror's events, then the disputes it was drawn in and their settled
// rounds — and the report is kept until the next block.
import 'server-only';
import { getAbiItem, type Address } from 'viem';
import { disputeCourtAbi } from '../generated/abis';
import { COURT_PERIODS, type JurorDraw, type JurorReport } from '../jurors';
import { serverConfig } from './config';
import { publicClient } from './data';

const drawn = getAbiItem({ abi: disputeCourtAbi, name: 'JurorDrawn' });
const committed = getAbiItem({ abi: disputeCourtAbi, name: 'VoteCommitted' });
const revealed = getAbiItem({ abi: disputeCourtAbi, name: 'VoteRevealed' });
const jurorSettled = getAbiItem({ abi: disputeCourtAbi, name: 'JurorSettled' });
const roundSettled = getAbiItem({ abi: disputeCourtAbi, name: 'RoundSettled' });

/** Reports by account, each valid for the block it was read at. */
const cache = new Map<string, JurorReport>();
const MAX_CACHED = 256;

const key = (disputeId: bigint, round: bigint | number) => `${disputeId}:${round}`;

/** One juror's stake, credit, draws (with vote state inputs), rewards and penalties, as of the latest block. */
export async function readJuror(account: Address): Promise<JurorReport> {
  const client = publicClient();
  const { deployments } = serverConfig();
  const court = { address: deployments.DisputeCourt, abi: disputeCourtAbi } as const;
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const cacheKey = account.toLowerCase();
  const hit = cache.get(cacheKey);
  if (hit && hit.block === blockNumber.toString()) return hit;

  const range = { fromBlock: BigInt(deployments.deployBlock), toBlock: blockNumber } as const;
  const args = { juror: account };
  const [juror, params, block, drawLogs, commitLogs, revealLogs, settleLogs] = await Promise.all([
    client.readContract({ ...court, functionName: 'jurorOf', args: [account], blockNumber }),
    client.readContract({ ...court, functionName: 'params', blockNumber }),
    client.getBlock({ blockNumber }),
    client.getLogs({ address: court.address, event: drawn, args, ...range }),
    client.getLogs({ address: court.address, event: committed, args, ...range }),
    client.getLogs({ address: court.address, event: revealed, args, ...range }),
    client.getLogs({ address: court.address, event: jurorSettled, args, ...range }),
  ]);

  // One JurorDrawn event per seat: group them by (dispute, round), in draw order.
  const seats = new Map<string, { disputeId: bigint; round: bigint; seats: number }>();
  for (const log of drawLogs) {
    const { disputeId, round } = log.args;
    if (disputeId === undefined || round === undefined) continue;
    const k = key(disputeId, round);
    const entry = seats.get(k) ?? { disputeId, round, seats: 0 };
    entry.seats += 1;
    seats.set(k, entry);
  }
  const disputeIds = [...new Set([...seats.values()].map((s) => s.disputeId))];
  const [disputes, roundLogs] = await Promise.all([
    Promise.all(disputeIds.map((id) => client.readContract({ ...court, functionName: 'getDispute', args: [id], blockNumber }))),
    disputeIds.length === 0
      ? Promise.resolve([])
      : client.getLogs({ address: court.address, event: roundSettled, args: { disputeId: disputeIds }, ...range }),
  ]);

  const disputeById = new Map(disputeIds.map((id, i) => [id, disputes[i]!]));
  const commits = new Set(commitLogs.map((l) => key(l.args.disputeId!, l.args.round!)));
  const reveals = new Map(revealLogs.map((l) => [key(l.args.disputeId!, l.args.round!), Number(l.args.choice!)]));
  const settlements = new Map(
    roundLogs.map((l) => [key(l.args.disputeId!, l.args.round!), { ruling: Number(l.args.ruling!), coherentSeats: Number(l.args.coherentSeats!) }]),
  );
  const outcomes = new Map(settleLogs.map((l) => [key(l.args.disputeId!, l.args.round!), { reward: l.args.reward ?? 0n, penalty: l.args.penalty ?? 0n }]));

  const draws: JurorDraw[] = [...seats.values()].map(({ disputeId, round, seats: n }) => {
    const k = key(disputeId, round);
    const d = disputeById.get(disputeId)!;
    const outcome = outcomes.get(k);
    return {
      disputeId: disputeId.toString(),
      round: Number(round),
      seats: n,
      committed: commits.has(k),
      revealed: reveals.has(k),
      choice: reveals.get(k) ?? null,
      dispute: { round: d.round, period: COURT_PERIODS[d.period] ?? 'evidence', periodEnd: Number(d.periodEnd) },
      settled: settlements.get(k) ?? null,
      reward: (outcome?.reward ?? 0n).toString(),
      penalty: (outcome?.penalty ?? 0n).toString(),
    };
  });
  draws.reverse();

  const report: JurorReport = {
    account,
    block: blockNumber.toString(),
    now: Number(block.timestamp),
    stake: juror.stake.toString(),
    locked: juror.locked.toString(),
    withdrawable: juror.withdrawable.toString(),
    drawWeight: juror.drawWeight.toString(),
    minStake: params.minStake.toString(),
    lockPerSeat: params.lockPerSeat.toString(),
    rewards: settleLogs.reduce((sum, l) => sum + (l.args.reward ?? 0n), 0n).toString(),
    penalties: settleLogs.reduce((sum, l) => sum + (l.args.penalty ?? 0n), 0n).toString(),
    draws,
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.delete(cacheKey);
  cache.set(cacheKey, report);
  return report;
}
