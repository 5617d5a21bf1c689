import { parseEther, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { validateAmount, validateCertificate, validateProfile, validateReason, validateService } from './validation';

const valid = { kinds: 3, name: 'Atlas', profileURI: '', sourceURI: 'https://github.com/x/y', sourceHash: '' };

describe('validateProfile', () => {
  it('accepts valid input and fills the zero hash', () => {
    expect(validateProfile(valid)).toEqual({ ok: true, values: { ...valid, sourceHash: zeroHash } });
  });
  it('refuses missing kinds, empty or long names (in bytes), bad schemes and malformed hashes', () => {
    const result = validateProfile({
      kinds: 0,
      name: 'é'.repeat(33), // 66 bytes
      profileURI: 'javascript:alert(1)',
      sourceURI: 'http://insecure.example',
      sourceHash: '0x1234',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['kinds', 'name', 'profileURI', 'sourceHash', 'sourceURI']);
  });
  it('requires a source link, allows ipfs, and bounds URI length to 256 bytes', () => {
    expect(validateProfile({ ...valid, sourceURI: '' }).ok).toBe(false);
    expect(validateProfile({ ...valid, sourceURI: 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi' }).ok).toBe(true);
    expect(validateProfile({ ...valid, profileURI: `https://a.org/${'x'.repeat(250)}` }).ok).toBe(false);
    expect(validateProfile({ ...valid, name: '   ' }).ok).toBe(false);
  });
  it('rejects kind bits beyond the four kinds', () => {
    expect(validateProfile({ ...valid, kinds: 16 }).ok).toBe(false);
  });
});

describe('validateAmount', () => {
  const min = parseEther('0.01');
  it('parses decimal ETH', () => {
    expect(validateAmount('0.05', { min, balance: null, what: 'bond' })).toEqual({ ok: true, wei: parseEther('0.05') });
  });
  it('refuses malformed, zero, below-minimum and above-balance amounts', () => {
    for (const text of ['', 'abc', '1e18', '-1', '0.1.2', '0.0000000000000000001']) {
      expect(validateAmount(text, { min, balance: null, what: 'bond' }).ok).toBe(false);
    }
    expect(validateAmount('0', { min: 0n, balance: null, what: 'bond' }).ok).toBe(false);
    expect(validateAmount('0.001', { min, balance: null, what: 'bond' })).toEqual({ ok: false, error: 'The bond must be at least the minimum.' });
    expect(validateAmount('2', { min, balance: parseEther('1'), what: 'bond' })).toEqual({ ok: false, error: 'Your balance is too low for this bond.' });
  });
});

describe('validateService', () => {
  const ok = { title: 'Summarise a paper', metadataURI: '', price: '0.01', hours: '24' };
  it('accepts valid terms and converts hours to seconds', () => {
    expect(validateService(ok)).toEqual({ ok: true, values: { title: 'Summarise a paper', metadataURI: '', price: parseEther('0.01'), deliveryWindow: 86_400 } });
    const half = validateService({ ...ok, hours: '0.5', metadataURI: 'ipfs://bafkqaaa' });
    expect(half.ok && half.values.deliveryWindow).toBe(1800);
  });
  it('refuses an empty or long title, unsafe links, zero prices and windows outside 1 minute–90 days', () => {
    const result = validateService({ title: 'x'.repeat(97), metadataURI: 'http://x.example', price: '0', hours: '2161' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['hours', 'metadataURI', 'price', 'title']);
    expect(validateService({ ...ok, title: '  ' }).ok).toBe(false);
    expect(validateService({ ...ok, hours: '0.01' }).ok).toBe(false); // 36 s
    expect(validateService({ ...ok, hours: '2160' }).ok).toBe(true);
  });
});

describe('validateCertificate', () => {
  const now = Date.parse('2026-01-01T00:00:00Z') / 1000;
  it('accepts a level, an expiry within two years and evidence', () => {
    const result = validateCertificate({ level: 1, expires: '2027-01-01', evidence: 'Audited.' }, now);
    expect(result).toEqual({ ok: true, values: { level: 1, expiresAt: BigInt(now + 365 * 86_400), evidence: 'Audited.' } });
  });
  it('refuses other levels, past or far expiries and empty evidence', () => {
    const result = validateCertificate({ level: 4, expires: '2025-12-31', evidence: ' ' }, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['evidence', 'expires', 'level']);
    expect(validateCertificate({ level: 2, expires: '2028-01-02', evidence: 'x' }, now).ok).toBe(false);
    expect(validateCertificate({ level: 2, expires: 'soon', evidence: 'x' }, now).ok).toBe(false);
  });
});

describe('validateReason', () => {
  it('wants 1–256 bytes', () => {
    expect(validateReason(' misconduct ')).toEqual({ ok: true, reason: 'misconduct' });
    expect(validateReason('').ok).toBe(false);
    expect(validateReason('x'.repeat(257)).ok).toBe(false);
  });
});
