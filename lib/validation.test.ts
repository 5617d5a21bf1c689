import { parseEther, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { validateAmount, validateProfile } from './validation';

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
