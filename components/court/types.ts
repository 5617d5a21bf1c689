// What the dispute page hands its client islands (serializable: bigints as strings).
import type { Address, Hex } from 'viem';
import type { Period } from '@/lib/court';

export interface CurrentBallot {
  juror: Address;
  seats: number;
  committed: boolean;
  revealed: boolean;
  commitment: Hex;
}

export interface DisputeActionProps {
  disputeId: string;
  period: Period;
  round: number;
  periodEnd: number;
  ruling: number;
  /** Wei, or null when no further appeal is possible. */
  appealCost: string | null;
  /** The marketplace order (appeals go through the Marketplace), or null for another arbitrable. */
  orderId: string | null;
  buyer: Address | null;
  seller: Address | null;
  commits: number;
  reveals: number;
  /** Drawn jurors of the current round. */
  ballots: CurrentBallot[];
}
