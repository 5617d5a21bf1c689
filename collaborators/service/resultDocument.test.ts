import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { everyOtherOrderWrong } from '../faulty-service/wrongResults';
import { factorizationJob } from './jobs/factorization';
import { expectedResult } from './resultDocument';
import type { OpenOrder } from './openOrders';

const REQUEST_URI = 'ipfs://bafkreiedr5dbyl5gophmopto5tnpvcfre6ac23fquyofgf2rs6qsfs3eli';
const request = new TextEncoder().encode('360');

describe('expectedResult', () => {
  it('is a fixed JSON text whose keccak256 is the result hash', () => {
    const result = expectedResult(factorizationJob, 7n, REQUEST_URI, request);
    expect(JSON.parse(result.text)).toEqual({
      job: 'prime-factorization',
      jobVersion: 1,
      orderId: '7',
      request: REQUEST_URI,
      ok: true,
      result: { n: 360, factors: [{ prime: 2, exponent: 3 }, { prime: 3, exponent: 2 }, { prime: 5, exponent: 1 }], isPrime: false },
    });
    expect(result.hash).toBe(keccak256(new TextEncoder().encode(result.text)));
    expect(expectedResult(factorizationJob, 7n, REQUEST_URI, request).hash).toBe(result.hash);
    expect(expectedResult(factorizationJob, 8n, REQUEST_URI, request).hash).not.toBe(result.hash);
  });

  it('explains an unreadable request instead of failing', () => {
    const result = expectedResult(factorizationJob, 7n, 'https://example.com/x', { unreadable: 'not an ipfs URI' });
    expect(result.document).toMatchObject({ ok: false, error: 'The request document could not be read: not an ipfs URI' });
  });
});

describe('the faulty demo policy', () => {
  const open = (id: bigint) => ({ order: { id }, requestURI: REQUEST_URI }) as OpenOrder;
  it('answers even order ids wrongly and odd ones honestly', () => {
    expect(everyOtherOrderWrong(factorizationJob, open(3n), request).hash).toBe(expectedResult(factorizationJob, 3n, REQUEST_URI, request).hash);
    expect(everyOtherOrderWrong(factorizationJob, open(4n), request).hash).not.toBe(expectedResult(factorizationJob, 4n, REQUEST_URI, request).hash);
  });
});
