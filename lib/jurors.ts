// A juror's side of the court in app form, shared by the server reader (lib/server/jurors.ts), the
// /api/jurors route and the Court section of /me: draws with their vote state, coherence, and the
// checks run before a stake or unstake transaction. Amounts travel as decimal strings (JSON).
import { parseEther, type Address } from 'viem';

/** DisputeCourt.Period, in enum order. */
export const COURT_PERIODS = ['evidence', 'commit', 'reveal', 'appeal', 'executed'] as const;
export type CourtPeriod = (typeof COURT_PERIODS)[number];
export const COURT_PERIOD_LABELS: Record<CourtPeriod, string> = {
  evidence: 'Evidence',
  commit: 'Commit',
  reveal: 'Reveal',
  appeal: 'Appeal',
  executed: 'Executed',
};

/** Seats drawn in a round (0-based), as DisputeCourt.seatsFor: 3, 7, 15, 31, 63. */
export function seatsFor(round: number): number {
  return (4 << round) - 1;
}

/** One round of one dispute in which the juror holds seats. */
export interface JurorDraw {
  disputeId: string;
  round: number;
  seats: number;
  committed: boolean;
  revealed: boolean;
  /** The revealed choice (null until revealed). */
  choice: number | null;
  /** The dispute as it is now: its current round, period and when that period may be advanced. */
  dispute: { round: number; period: CourtPeriod; periodEnd: number };
  /** Set once the round was tallied: its ruling and the seats that voted for it (0 = no majority). */
  settled: { ruling: number; coherentSeats: number } | null;
  /** What settling this round credited to the juror or took from its stake, in wei. */
  reward: string;
  penalty: string;
}

export interface JurorReport {
  account: Address;
  /** Block the report was read at, and its timestamp. */
  block: string;
  now: number;
  stake: string;
  locked: string;
  withdrawable: string;
  drawWeight: string;
  minStake: string;
  lockPerSeat: string;
  /** Every reward credited and every penalty taken, in wei (from JurorSettled events). */
  rewards: string;
  penalties: string;
  /** Newest first. */
  draws: JurorDraw[];
}

export type VoteState = 'commit' | 'committed' | 'reveal' | 'revealed' | 'missed' | 'coherent' | 'incoherent' | 'no-majority';

export const VOTE_STATE_LABELS: Record<VoteState, string> = {
  commit: 'Drawn — commit your vote',
  committed: 'Committed',
  reveal: 'Committed — reveal your vote',
  revealed: 'Revealed',
  missed: 'Missed',
  coherent: 'Revealed · coherent',
  incoherent: 'Revealed · incoherent',
  'no-majority': 'Revealed · no majority',
};

/** Where a juror stands in one drawn round. */
export function voteState(draw: Pick<JurorDraw, 'committed' | 'revealed' | 'choice' | 'settled' | 'round' | 'dispute'>): VoteState {
  if (draw.settled) {
    if (!draw.revealed) return 'missed';
    if (draw.settled.coherentSeats === 0) return 'no-majority';
    return draw.choice === draw.settled.ruling ? 'coherent' : 'incoherent';
  }
  const current = draw.dispute.round === draw.round;
  if (current && draw.dispute.period === 'commit') return draw.committed ? 'committed' : 'commit';
  if (current && draw.dispute.period === 'reveal') {
    if (draw.revealed) return 'revealed';
    return draw.committed ? 'reveal' : 'missed';
  }
  return draw.revealed ? 'revealed' : draw.committed ? 'committed' : 'missed';
}

/**
 * Coherence: of the juror's decided votes (rounds settled with a majority), how many were for the
 * winning choice. A vote not revealed in a decided round counts as decided and not coherent; rounds
 * without a majority (a tie, or nobody revealed) are left out.
 */
export function coherenceOf(draws: readonly Pick<JurorDraw, 'settled' | 'revealed' | 'choice'>[]): {
  coherent: number;
  decided: number;
  /** 0–100, rounded; null with no decided vote. */
  percent: number | null;
} {
  let coherent = 0;
  let decided = 0;
  for (const d of draws) {
    if (!d.settled || d.settled.coherentSeats === 0) continue;
    decided += 1;
    if (d.revealed && d.choice === d.settled.ruling) coherent += 1;
  }
  return { coherent, decided, percent: decided === 0 ? null : Math.round((coherent * 100) / decided) };
}

/** Draws whose round is not settled yet: they lock stake. */
export function openDraws<T extends Pick<JurorDraw, 'settled'>>(draws: readonly T[]): T[] {
  return draws.filter((d) => !d.settled);
}

/** Parses an ETH amount typed by a person (up to 18 decimals), or null. */
function parseAmount(text: string): bigint | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,18})?$/.test(trimmed)) return null;
  return parseEther(trimmed);
}

/** Mirrors DisputeCourt.stake: more than zero, the new stake at least `minStake`, within the balance. */
export function validateStake(
  text: string,
  { stake, minStake, balance }: { stake: bigint; minStake: bigint; balance: bigint | null },
): { ok: true; wei: bigint } | { ok: false; error: string } {
  const wei = parseAmount(text);
  if (wei === null) return { ok: false, error: 'Enter the amount in ETH, like 0.1.' };
  if (wei === 0n) return { ok: false, error: 'The amount must be more than zero.' };
  if (stake + wei < minStake) return { ok: false, error: 'Your stake must reach at least the minimum stake.' };
  if (balance !== null && wei > balance) return { ok: false, error: 'Your balance is too low for this amount.' };
  return { ok: true, wei };
}

/** Mirrors DisputeCourt.unstake: nothing locked, at most the stake, what stays 0 or at least `minStake`. */
export function validateUnstake(
  text: string,
  { stake, locked, minStake }: { stake: bigint; locked: bigint; minStake: bigint },
): { ok: true; wei: bigint } | { ok: false; error: string } {
  if (locked > 0n) return { ok: false, error: 'Your stake is locked until the rounds you were drawn in are settled.' };
  const wei = parseAmount(text);
  if (wei === null) return { ok: false, error: 'Enter the amount in ETH, like 0.1.' };
  if (wei === 0n) return { ok: false, error: 'The amount must be more than zero.' };
  if (wei > stake) return { ok: false, error: 'That is more than your stake.' };
  const remaining = stake - wei;
  if (remaining !== 0n && remaining < minStake) {
    return { ok: false, error: 'What stays staked must be zero or at least the minimum stake: unstake everything, or less.' };
  }
  return { ok: true, wei };
}
