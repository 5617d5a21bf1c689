// The evidence document behind each of the rating agent's decisions: what it checked (orders,
// requests, results, expected vs delivered hashes), under which rules, and what it decided. Stored
// in the content store; its ipfs:// URI is the certificate's evidenceURI or part of the revocation
// reason, so anyone can re-run the same checks.
import type { Address } from 'viem';
import { isMatch, type OrderAudit, type RatingDecision, type RatingRules } from './rules';

export const EVIDENCE_SCHEMA = 'oso.rating-evidence.v1';

export interface EvidenceOrder {
  orderId: string;
  serviceId: string;
  job: string;
  requestURI: string;
  resultURI: string;
  expectedHash: string;
  deliveredHash: string;
  match: boolean;
}

export interface EvidenceDocument {
  schema: typeof EVIDENCE_SCHEMA;
  issuer: Address;
  subject: Address;
  decision: 'issue' | 'revoke';
  /** Certificate level issued (issue only). */
  level?: number;
  why?: string;
  /** Certificates revoked (revoke only). */
  revoked?: string[];
  /** Chain time of the decision. */
  decidedAt: number;
  /** Audited orders of the subject in all; `orders` lists every mismatch and the latest of the rest (at most MAX_EVIDENCE_ORDERS). */
  auditedOrders: number;
  rules: { sampleRateBps: number; levels: { level: number; verifiedOrders: number }[]; validitySeconds: number; renewBeforeSeconds: number };
  orders: EvidenceOrder[];
}

/** Most orders listed in one evidence document (documents are limited to 64 KiB). */
export const MAX_EVIDENCE_ORDERS = 100;

/** Every mismatch, then the most recent matches, up to MAX_EVIDENCE_ORDERS. */
export function selectForEvidence(audits: readonly OrderAudit[]): OrderAudit[] {
  const newestFirst = [...audits].sort((a, b) => (a.orderId > b.orderId ? -1 : a.orderId < b.orderId ? 1 : 0));
  const mismatches = newestFirst.filter((a) => !isMatch(a));
  const matches = newestFirst.filter((a) => isMatch(a));
  return [...mismatches, ...matches].slice(0, MAX_EVIDENCE_ORDERS);
}

/** The evidence for a decision about `subject`, with every audit it rests on (ordered by order id). */
export function evidenceDocument(
  issuer: Address,
  subject: Address,
  decision: Exclude<RatingDecision, { kind: 'none' }>,
  audits: readonly OrderAudit[],
  rules: RatingRules,
  decidedAt: number,
): EvidenceDocument {
  const orders = selectForEvidence(audits)
    .sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0))
    .map((a) => ({
      orderId: a.orderId.toString(),
      serviceId: a.serviceId.toString(),
      job: a.job,
      requestURI: a.requestURI,
      resultURI: a.resultURI,
      expectedHash: a.expectedHash,
      deliveredHash: a.deliveredHash,
      match: isMatch(a),
    }));
  return {
    schema: EVIDENCE_SCHEMA,
    issuer,
    subject,
    decision: decision.kind,
    ...(decision.kind === 'issue' ? { level: decision.level, why: decision.why } : { revoked: decision.certificateIds.map(String) }),
    decidedAt,
    auditedOrders: audits.length,
    rules: { ...rules, levels: rules.levels.map((l) => ({ ...l })) },
    orders,
  };
}

/** Certificates.MAX_REASON_LENGTH. */
export const MAX_REASON_BYTES = 256;

/** The public revocation reason: the mismatched orders and the evidence URI (always kept whole). */
export function revocationReason(mismatches: readonly bigint[], evidenceURI: string): string {
  const ids = mismatches.map(String);
  const plural = ids.length === 1 ? '' : 's';
  for (let shown = ids.length; shown >= 1; shown--) {
    const list = ids.slice(0, shown).join(', ') + (shown < ids.length ? ', …' : '');
    const reason = `Result hash mismatch on order${plural} ${list}. Evidence: ${evidenceURI}`;
    if (new TextEncoder().encode(reason).length <= MAX_REASON_BYTES) return reason;
  }
  return `Result hash mismatch. Evidence: ${evidenceURI}`;
}

/** Parses an evidence document back (for restarts); null when it is not one of ours. */
export function parseEvidence(text: string): EvidenceDocument | null {
  try {
    const value = JSON.parse(text) as Partial<EvidenceDocument>;
    if (value.schema !== EVIDENCE_SCHEMA || !Array.isArray(value.orders)) return null;
    return value as EvidenceDocument;
  } catch {
    return null;
  }
}
