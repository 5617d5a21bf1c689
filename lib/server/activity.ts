// Server reads of one account's activity points, for /me (through /api/activity/[address]): its
// weight now, its points per period of the window, the creditor's rules, and its work not yet
// credited (its orders from OrderPlaced events, their states, ratings and credited flags; its jury
// seats from the court report). All at one pinned block.
import 'server-only';
import { getAbiItem, type Address } from 'viem';
import { pendingWork, periodsAround, type ActivityReport, type DutyForCredit } from '../activity';
import { activityCreditorAbi, activityVotesAbi, marketplaceAbi, reputationAbi } from '../generated/abis';
import { ORDER_STATES } from '../market';
import { serverConfig } from './config';
import { publicClient } from './data';
import { readJuror } from './jurors';

const placed = getAbiItem({ abi: marketplaceAbi, name: 'OrderPlaced' });

export async function readActivity(account: Address): Promise<ActivityReport> {
  const client = publicClient();
  const d = serverConfig().deployments;
  const votes = { address: d.ActivityVotes, abi: activityVotesAbi } as const;
  const creditor = { address: d.ActivityCreditor, abi: activityCreditorAbi } as const;
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const range = { fromBlock: BigInt(d.deployBlock), toBlock: blockNumber } as const;
  const [block, weight, periodLength, window, orderPoints, ratingPoints, juryPointsPerSeat, asBuyer, asSeller, juror] = await Promise.all([
    client.getBlock({ blockNumber }),
    client.readContract({ ...votes, functionName: 'getVotes', args: [account], blockNumber }),
    client.readContract({ ...votes, functionName: 'PERIOD_LENGTH', blockNumber }),
    client.readContract({ ...votes, functionName: 'WINDOW', blockNumber }),
    client.readContract({ ...creditor, functionName: 'ORDER_POINTS', blockNumber }),
    client.readContract({ ...creditor, functionName: 'RATING_POINTS', blockNumber }),
    client.readContract({ ...creditor, functionName: 'JURY_POINTS_PER_SEAT', blockNumber }),
    client.getLogs({ address: d.Marketplace, event: placed, args: { buyer: account }, ...range }),
    client.getLogs({ address: d.Marketplace, event: placed, args: { seller: account }, ...range }),
    readJuror(account),
  ]);
  const now = Number(block.timestamp);
  const shown = periodsAround(now, Number(periodLength), Number(window));
  const ids = [...new Set([...asBuyer, ...asSeller].map((l) => l.args.orderId!))];
  const coherent = juror.draws.filter((x) => x.settled !== null && x.settled.ruling !== 0 && x.revealed && x.choice === x.settled.ruling);
  const [points, orders, rated, flags, dutyCredited] = await Promise.all([
    Promise.all(shown.map((p) => client.readContract({ ...votes, functionName: 'pointsIn', args: [account, BigInt(p.period)], blockNumber }))),
    ids.length === 0 ? Promise.resolve([]) : client.readContract({ address: d.Marketplace, abi: marketplaceAbi, functionName: 'getOrders', args: [ids], blockNumber }),
    Promise.all(ids.map((id) => client.readContract({ address: d.Reputation, abi: reputationAbi, functionName: 'hasRated', args: [id], blockNumber }))),
    ids.length === 0 ? Promise.resolve([]) : client.readContract({ ...creditor, functionName: 'creditedFlags', args: [ids], blockNumber }),
    Promise.all(
      coherent.map((x) => client.readContract({ ...creditor, functionName: 'isJuryDutyCredited', args: [BigInt(x.disputeId), BigInt(x.round), account], blockNumber })),
    ),
  ]);
  const duties: DutyForCredit[] = coherent.map((x, i) => ({ disputeId: BigInt(x.disputeId), round: x.round, seats: x.seats, coherent: true, credited: dutyCredited[i]! }));
  const forCredit = ids.map((id, i) => ({
    id,
    buyer: orders[i]!.buyer,
    settled: ORDER_STATES[orders[i]!.state] === 'settled',
    rated: rated[i]!,
    flags: flags[i]!,
  }));
  return {
    account,
    block: blockNumber.toString(),
    now,
    weight: weight.toString(),
    rules: {
      orderPoints: orderPoints.toString(),
      ratingPoints: ratingPoints.toString(),
      juryPointsPerSeat: juryPointsPerSeat.toString(),
      periodLength: Number(periodLength),
      window: Number(window),
    },
    periods: shown.map((p, i) => ({ ...p, points: points[i]!.toString() })),
    pending: pendingWork(account, forCredit, duties, { orderPoints, ratingPoints, juryPointsPerSeat }),
  };
}
