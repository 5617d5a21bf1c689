// The rating agent's published rules, as pure functions: which settled orders it samples, and what
// it does with a service collaborator given the audits of its sampled orders and the certificates
// this agent already issued to it. docs/collaborators.md states the same rules in prose.
import { encodeAbiParameters, hexToBigInt, keccak256, type Hex } from 'viem';

/** Certificates.LEVEL_BRONZE / LEVEL_SILVER / LEVEL_GOLD. */
export type CertificateLevel = 1 | 2 | 3;

export interface RatingRules {
  /** Share of settled orders audited, in basis points (10_000 = every order). */
  sampleRateBps: number;
  /** Verified orders (and no mismatch, ever) needed for each level, highest level first. */
  levels: readonly { level: CertificateLevel; verifiedOrders: number }[];
  /** How long a certificate runs from its issue (Certificates.MAX_VALIDITY is 730 days). */
  validitySeconds: number;
  /** A live certificate expiring sooner than this is renewed (a new one is issued). */
  renewBeforeSeconds: number;
}

const DAY = 86_400;

export const DEFAULT_RULES: RatingRules = {
  sampleRateBps: 5_000,
  levels: [
    { level: 3, verifiedOrders: 5 },
    { level: 2, verifiedOrders: 3 },
    { level: 1, verifiedOrders: 1 },
  ],
  validitySeconds: 90 * DAY,
  renewBeforeSeconds: 14 * DAY,
};

/**
 * Whether order `orderId` is in the sample: keccak256(abi.encode(orderId)) mod 10_000 is below the
 * rate. Anyone can recompute it, and a seller cannot tell in advance which orders will be checked
 * without computing the same hash — but cannot change it either: the order id is assigned by the
 * Marketplace.
 */
export function isSampled(orderId: bigint, sampleRateBps: number): boolean {
  if (sampleRateBps >= 10_000) return true;
  if (sampleRateBps <= 0) return false;
  const digest = keccak256(encodeAbiParameters([{ type: 'uint256' }], [orderId]));
  return hexToBigInt(digest) % 10_000n < BigInt(sampleRateBps);
}

/** The outcome of re-executing one sampled order. */
export interface OrderAudit {
  orderId: bigint;
  serviceId: bigint;
  /** The job that was re-executed (from the service's title/metadata). */
  job: string;
  requestURI: string;
  resultURI: string;
  /** keccak256 of the result this agent computed. */
  expectedHash: Hex;
  /** The `resultHash` the seller delivered on chain. */
  deliveredHash: Hex;
}

export function isMatch(audit: OrderAudit): boolean {
  return audit.expectedHash.toLowerCase() === audit.deliveredHash.toLowerCase();
}

/** A certificate this agent issued to the subject (Certificates.getCertificate). */
export interface IssuedCertificate {
  id: bigint;
  level: number;
  expiresAt: number;
  revoked: boolean;
}

export type RatingDecision =
  | { kind: 'none' }
  | { kind: 'issue'; level: CertificateLevel; expiresAt: number; why: 'first' | 'upgrade' | 'renewal' }
  | { kind: 'revoke'; certificateIds: bigint[]; mismatches: bigint[] };

/** The level the audits earn: the highest whose threshold is met, none after any mismatch. */
export function earnedLevel(audits: readonly OrderAudit[], rules: RatingRules = DEFAULT_RULES): CertificateLevel | null {
  if (audits.some((a) => !isMatch(a))) return null;
  const verified = audits.length;
  return rules.levels.find((l) => verified >= l.verifiedOrders)?.level ?? null;
}

function isLive(c: IssuedCertificate, now: number): boolean {
  return !c.revoked && c.expiresAt > now;
}

/**
 * What to do about one service collaborator at chain time `now`:
 * - any mismatch among its audited orders: revoke every live certificate this agent issued to it
 *   (and never certify it again: the mismatch stays on chain and in the evidence);
 * - otherwise, when the audits earn a level: issue it if no live certificate of this agent has that
 *   level or higher (first certificate, or an upgrade), or renew it (issue again) when the best live
 *   one expires within `renewBeforeSeconds`;
 * - otherwise nothing.
 */
export function decideCertification(
  audits: readonly OrderAudit[],
  certificates: readonly IssuedCertificate[],
  now: number,
  rules: RatingRules = DEFAULT_RULES,
): RatingDecision {
  const live = certificates.filter((c) => isLive(c, now));
  const mismatches = audits.filter((a) => !isMatch(a)).map((a) => a.orderId);
  if (mismatches.length > 0) {
    return live.length > 0 ? { kind: 'revoke', certificateIds: live.map((c) => c.id), mismatches } : { kind: 'none' };
  }
  const level = earnedLevel(audits, rules);
  if (level === null) return { kind: 'none' };
  const expiresAt = now + rules.validitySeconds;
  const atLevel = live.filter((c) => c.level >= level);
  if (atLevel.length === 0) return { kind: 'issue', level, expiresAt, why: live.length === 0 ? 'first' : 'upgrade' };
  const lastExpiry = Math.max(...atLevel.map((c) => c.expiresAt));
  if (lastExpiry - now < rules.renewBeforeSeconds) return { kind: 'issue', level, expiresAt, why: 'renewal' };
  return { kind: 'none' };
}
