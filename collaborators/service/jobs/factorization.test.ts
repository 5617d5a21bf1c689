import { describe, expect, it } from 'vitest';
import { factorizationJob, factorize, MAX_FACTORIZATION_INPUT, parseFactorizationRequest } from './factorization';
import { RequestError } from './job';

const product = (factors: { prime: number; exponent: number }[]) => factors.reduce((acc, f) => acc * f.prime ** f.exponent, 1);

describe('factorize', () => {
  it('factors small numbers', () => {
    expect(factorize(360)).toEqual({ n: 360, factors: [{ prime: 2, exponent: 3 }, { prime: 3, exponent: 2 }, { prime: 5, exponent: 1 }], isPrime: false });
    expect(factorize(2)).toEqual({ n: 2, factors: [{ prime: 2, exponent: 1 }], isPrime: true });
    expect(factorize(97)).toMatchObject({ isPrime: true });
    expect(factorize(49)).toEqual({ n: 49, factors: [{ prime: 7, exponent: 2 }], isPrime: false });
  });

  it('factors the bound and a large semiprime exactly', () => {
    expect(factorize(MAX_FACTORIZATION_INPUT).factors).toEqual([{ prime: 2, exponent: 15 }, { prime: 5, exponent: 15 }]);
    const semiprime = 999_999_937 * 999_983; // two primes near 10^9 and 10^6
    const result = factorize(semiprime);
    expect(result.factors).toEqual([{ prime: 999_983, exponent: 1 }, { prime: 999_999_937, exponent: 1 }]);
    expect(product(result.factors)).toBe(semiprime);
  });

  it('parses and bounds the request', () => {
    expect(parseFactorizationRequest('  360\n')).toBe(360);
    for (const bad of ['1', '0', '-4', '3.5', '1e3', '', 'ten', String(MAX_FACTORIZATION_INPUT + 1)]) {
      expect(() => parseFactorizationRequest(bad)).toThrow(RequestError);
    }
  });

  it('as a job: the wrong variant is never a correct factorization', () => {
    for (const n of ['2', '97', '360']) {
      const wrong = factorizationJob.runWrong(new TextEncoder().encode(n));
      if (!wrong.ok) throw new Error('expected a result');
      const result = wrong.result as { factors: { prime: number; exponent: number }[] };
      expect(product(result.factors)).not.toBe(Number(n));
    }
    expect(factorizationJob.run(new TextEncoder().encode('banana'))).toMatchObject({ ok: false });
  });
});
