import { describe, expect, it } from 'vitest';
import { notarizationJob, notarize } from './notarization';

describe('notarize', () => {
  it('hashes the exact bytes (FIPS 180-2 "abc" vector)', () => {
    expect(notarize(new TextEncoder().encode('abc'))).toEqual({
      algorithm: 'sha-256',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('as a job: the wrong variant differs in the digest only', () => {
    const request = new TextEncoder().encode('abc');
    const honest = notarizationJob.run(request);
    const wrong = notarizationJob.runWrong(request);
    if (!honest.ok || !wrong.ok) throw new Error('expected results');
    expect(wrong.result).not.toEqual(honest.result);
    expect(wrong.result).toMatchObject({ size: 3 });
  });
});
