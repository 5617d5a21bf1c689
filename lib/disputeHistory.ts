// A collaborator's dispute history in app form (profile pages): disputes opened against it as a
// seller and by it as a buyer, and how each ended. Built from Marketplace events by
// lib/server/disputeHistory.ts; the classification here is pure and unit-tested.
import type { Address } from 'viem';
import type { CourtPeriod } from './jurors';

export type DisputeRole = 'seller' | 'buyer';
/** `split`: the court refused to arbitrate (ruling 0), the price was split and nobody lost. */
export type DisputeOutcome = 'open' | 'won' | 'lost' | 'split';

export interface DisputeHistoryEntry {
  orderId: bigint;
  /** The court's dispute id (/disputes/[id]). */
  disputeId: bigint;
  role: DisputeRole;
  counterparty: Address;
  outcome: DisputeOutcome;
  /** Final ruling: 0 refused, 1 for the buyer, 2 for the seller; null while open. */
  ruling: number | null;
  /** Bond slashed from this collaborator as the losing seller, in wei. */
  slashed: bigint;
  /** Where an open dispute stands in the court (null once ruled or when unknown). */
  period: CourtPeriod | null;
  round: number;
}

export interface DisputeCounts {
  /** Opened against the collaborator, as seller. */
  against: number;
  /** Opened by the collaborator, as buyer. */
  opened: number;
  won: number;
  lost: number;
  split: number;
  open: number;
}

/** How a final ruling ended for one party (ruling 1 = for the buyer, 2 = for the seller, 0 = refused). */
export function outcomeFor(role: DisputeRole, ruling: number | null): DisputeOutcome {
  if (ruling === null) return 'open';
  if (ruling === 0) return 'split';
  const buyerWon = ruling === 1;
  return (role === 'buyer') === buyerWon ? 'won' : 'lost';
}

export function countDisputes(entries: readonly Pick<DisputeHistoryEntry, 'role' | 'outcome'>[]): DisputeCounts {
  const counts: DisputeCounts = { against: 0, opened: 0, won: 0, lost: 0, split: 0, open: 0 };
  for (const e of entries) {
    if (e.role === 'seller') counts.against += 1;
    else counts.opened += 1;
    counts[e.outcome] += 1;
  }
  return counts;
}

export const OUTCOME_LABELS: Record<DisputeOutcome, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  split: 'Refused · split',
};
