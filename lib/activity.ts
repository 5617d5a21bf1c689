// The democracy's activity points in app form, shared by server and browser: how they are earned
// (the ActivityCreditor's rules), one account's points per period, and its work not yet credited.
import type { Address } from 'viem';

/** One period of ActivityVotes: [start, end) in chain seconds and the account's points in it. */
export interface ActivityPeriod {
  period: number;
  start: number;
  end: number;
  points: string;
  /** Counted in the weight now (a completed period inside the window). */
  counted: boolean;
  /** The period in progress: its points count once it has ended. */
  current: boolean;
}

/** Work of the account that the creditor would credit, not credited yet. */
export interface PendingWork {
  /** Settled orders (either side) whose sides were not credited. */
  orders: string[];
  /** Orders the account rated as buyer whose rating was not credited. */
  ratings: string[];
  /** Coherent jury seats not credited. */
  duties: { disputeId: string; round: number; seats: number }[];
  /** What crediting all of it earns the account. */
  points: string;
}

export interface ActivityReport {
  account: Address;
  block: string;
  now: number;
  /** ActivityVotes.getVotes: the weight a proposal made now would snapshot. */
  weight: string;
  rules: { orderPoints: string; ratingPoints: string; juryPointsPerSeat: string; periodLength: number; window: number };
  /** The window's periods and the current one, oldest first. */
  periods: ActivityPeriod[];
  pending: PendingWork;
}

/** The periods shown for a weight at `now`: the `window` completed ones before it, and the current one. */
export function periodsAround(now: number, periodLength: number, window: number): Omit<ActivityPeriod, 'points'>[] {
  const current = Math.floor(now / periodLength);
  const first = Math.max(0, current - window);
  const out: Omit<ActivityPeriod, 'points'>[] = [];
  for (let p = first; p <= current; p++) {
    out.push({ period: p, start: p * periodLength, end: (p + 1) * periodLength, counted: p < current, current: p === current });
  }
  return out;
}

/** An order as the creditor sees it. */
export interface OrderForCredit {
  id: bigint;
  buyer: Address;
  settled: boolean;
  rated: boolean;
  /** ActivityCreditor.creditedFlags: bit 0 sides credited, bit 1 rating credited. */
  flags: number;
}

/** A round in which the account held seats, with whether the creditor counts it and credited it. */
export interface DutyForCredit {
  disputeId: bigint;
  round: number;
  seats: number;
  /** Revealed the round's winning choice in a settled round with a majority. */
  coherent: boolean;
  credited: boolean;
}

/** The account's work not yet credited, and the points crediting it would earn the account. */
export function pendingWork(
  account: Address,
  orders: readonly OrderForCredit[],
  duties: readonly DutyForCredit[],
  rules: { orderPoints: bigint; ratingPoints: bigint; juryPointsPerSeat: bigint },
): PendingWork {
  const me = account.toLowerCase();
  const unique = [...new Map(orders.map((o) => [o.id, o])).values()];
  const pendingOrders = unique.filter((o) => o.settled && (o.flags & 1) === 0);
  const pendingRatings = unique.filter((o) => o.rated && o.buyer.toLowerCase() === me && (o.flags & 2) === 0);
  const pendingDuties = duties.filter((d) => d.coherent && !d.credited);
  const points =
    BigInt(pendingOrders.length) * rules.orderPoints +
    BigInt(pendingRatings.length) * rules.ratingPoints +
    pendingDuties.reduce((sum, d) => sum + BigInt(d.seats) * rules.juryPointsPerSeat, 0n);
  return {
    orders: pendingOrders.map((o) => o.id.toString()),
    ratings: pendingRatings.map((o) => o.id.toString()),
    duties: pendingDuties.map((d) => ({ disputeId: d.disputeId.toString(), round: d.round, seats: d.seats })),
    points: points.toString(),
  };
}
