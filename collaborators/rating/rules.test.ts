import { keccak256, stringToHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { evidenceDocument, MAX_EVIDENCE_ORDERS, MAX_REASON_BYTES, parseEvidence, revocationReason, selectForEvidence } from './evidence';
import { DEFAULT_RULES, decideCertification, earnedLevel, isSampled, type IssuedCertificate, type OrderAudit } from './rules';

const NOW = 2_000_000_000;
const DAY = 86_400;
const GOOD: Hex = keccak256(stringToHex('good'));
const BAD: Hex = keccak256(stringToHex('bad'));

function audit(orderId: number, delivered: Hex = GOOD): OrderAudit {
  return { orderId: BigInt(orderId), serviceId: 1n, job: 'text-stats', requestURI: 'ipfs://req', resultURI: 'ipfs://res', expectedHash: GOOD, deliveredHash: delivered };
}
const audits = (n: number) => Array.from({ length: n }, (_, i) => audit(i + 1));
const cert = (id: number, level: number, expiresAt: number, revoked = false): IssuedCertificate => ({ id: BigInt(id), level, expiresAt, revoked });

describe('isSampled', () => {
  it('is deterministic by order id and follows the rate', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => BigInt(i + 1));
    const half = ids.filter((id) => isSampled(id, 5_000));
    expect(half.length).toBeGreaterThan(900);
    expect(half.length).toBeLessThan(1_100);
    expect(ids.filter((id) => isSampled(id, 5_000))).toEqual(half);
    expect(ids.every((id) => isSampled(id, 10_000))).toBe(true);
    expect(ids.some((id) => isSampled(id, 0))).toBe(false);
  });

  it('samples a subset of a larger rate', () => {
    const ids = Array.from({ length: 500 }, (_, i) => BigInt(i + 1));
    for (const id of ids) if (isSampled(id, 2_000)) expect(isSampled(id, 6_000)).toBe(true);
  });
});

describe('earnedLevel', () => {
  it('gives bronze after 1 verified order, silver after 3, gold after 5', () => {
    expect(earnedLevel([])).toBeNull();
    expect(earnedLevel(audits(1))).toBe(1);
    expect(earnedLevel(audits(2))).toBe(1);
    expect(earnedLevel(audits(3))).toBe(2);
    expect(earnedLevel(audits(4))).toBe(2);
    expect(earnedLevel(audits(5))).toBe(3);
    expect(earnedLevel(audits(12))).toBe(3);
  });

  it('gives nothing after a single mismatch, however many verified orders', () => {
    expect(earnedLevel([...audits(9), audit(10, BAD)])).toBeNull();
  });
});

describe('decideCertification', () => {
  it('issues a first certificate, valid for the documented period', () => {
    expect(decideCertification(audits(1), [], NOW)).toEqual({ kind: 'issue', level: 1, expiresAt: NOW + DEFAULT_RULES.validitySeconds, why: 'first' });
  });

  it('upgrades when the audits earn a higher level than the live certificates', () => {
    const live = [cert(1, 1, NOW + 80 * DAY)];
    expect(decideCertification(audits(3), live, NOW)).toMatchObject({ kind: 'issue', level: 2, why: 'upgrade' });
    expect(decideCertification(audits(2), live, NOW)).toEqual({ kind: 'none' });
  });

  it('renews only when the best live certificate expires within the renewal window', () => {
    expect(decideCertification(audits(5), [cert(4, 3, NOW + 15 * DAY)], NOW)).toEqual({ kind: 'none' });
    expect(decideCertification(audits(5), [cert(4, 3, NOW + 13 * DAY)], NOW)).toMatchObject({ kind: 'issue', level: 3, why: 'renewal' });
    expect(decideCertification(audits(5), [cert(4, 3, NOW + 13 * DAY), cert(5, 3, NOW + 89 * DAY)], NOW)).toEqual({ kind: 'none' });
  });

  it('treats expired and revoked certificates as gone', () => {
    expect(decideCertification(audits(1), [cert(1, 1, NOW)], NOW)).toMatchObject({ kind: 'issue', level: 1, why: 'first' });
    expect(decideCertification(audits(1), [cert(1, 3, NOW + 50 * DAY, true)], NOW)).toMatchObject({ kind: 'issue', level: 1, why: 'first' });
  });

  it('revokes every live certificate on a mismatch, and then does nothing more', () => {
    const certificates = [cert(1, 1, NOW + 10 * DAY), cert(2, 2, NOW + 80 * DAY), cert(3, 1, NOW - 1), cert(4, 3, NOW + 80 * DAY, true)];
    const checked = [...audits(4), audit(5, BAD)];
    expect(decideCertification(checked, certificates, NOW)).toEqual({ kind: 'revoke', certificateIds: [1n, 2n], mismatches: [5n] });
    const after = certificates.map((c) => ({ ...c, revoked: true }));
    expect(decideCertification(checked, after, NOW)).toEqual({ kind: 'none' });
  });
});

describe('evidence', () => {
  it('records every audited order with expected and delivered hashes, and parses back', () => {
    const doc = evidenceDocument('0x00000000000000000000000000000000000000a1', '0x00000000000000000000000000000000000000b1', { kind: 'revoke', certificateIds: [2n], mismatches: [3n] }, [audit(3, BAD), audit(1)], DEFAULT_RULES, NOW);
    expect(doc.orders.map((o) => [o.orderId, o.match, o.expectedHash, o.deliveredHash])).toEqual([
      ['1', true, GOOD, GOOD],
      ['3', false, GOOD, BAD],
    ]);
    expect(doc.revoked).toEqual(['2']);
    expect(parseEvidence(JSON.stringify(doc))).toEqual(doc);
    expect(parseEvidence('{"schema":"other"}')).toBeNull();
  });

  it('lists every mismatch and the newest matches, within the cap', () => {
    const many = [audit(3, BAD), ...audits(250).slice(3)];
    const chosen = selectForEvidence(many);
    expect(chosen).toHaveLength(MAX_EVIDENCE_ORDERS);
    expect(chosen[0]!.orderId).toBe(3n);
    expect(chosen[1]!.orderId).toBe(250n);
    expect(evidenceDocument('0x00000000000000000000000000000000000000a1', '0x00000000000000000000000000000000000000b1', { kind: 'revoke', certificateIds: [], mismatches: [3n] }, many, DEFAULT_RULES, NOW).auditedOrders).toBe(248);
  });

  it('keeps the revocation reason within the contract limit and the evidence URI whole', () => {
    const uri = 'ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
    expect(revocationReason([7n], uri)).toBe(`Result hash mismatch on order 7. Evidence: ${uri}`);
    const many = Array.from({ length: 200 }, (_, i) => BigInt(1_000_000 + i));
    const reason = revocationReason(many, uri);
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(MAX_REASON_BYTES);
    expect(reason.endsWith(uri)).toBe(true);
    expect(reason).toContain('…');
  });
});
