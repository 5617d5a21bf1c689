import { describe, expect, it } from 'vitest';
import { checkDocument, cidOf, matchesCid, parseCid, uriOf, MAX_DOCUMENT_BYTES } from './content';

const text = (s: string) => new TextEncoder().encode(s);

describe('content addressing', () => {
  it('computes the CIDv1 (raw, sha2-256) that IPFS gives the same bytes', async () => {
    // `ipfs add --cid-version 1 --raw-leaves` of "hello world" (no newline):
    expect(await cidOf(text('hello world'))).toBe('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    expect(await uriOf(text('hello world'))).toBe('ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
  });
  it('verifies bytes against a CID and rejects tampered ones', async () => {
    const cid = await cidOf(text('result: 42'));
    expect(await matchesCid(text('result: 42'), `ipfs://${cid}`)).toBe(true);
    expect(await matchesCid(text('result: 43'), cid)).toBe(false);
  });
  it('parses only CIDv1 raw sha2-256', () => {
    expect(parseCid('ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e')).toBe('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    expect(parseCid('QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')).toBeNull(); // CIDv0
    expect(parseCid('bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi')).toBeNull(); // dag-pb
    expect(parseCid('../../etc/passwd')).toBeNull();
    expect(parseCid('')).toBeNull();
  });
  it('accepts small UTF-8 text and JSON documents only', () => {
    expect(checkDocument(text('{"a":1}'), 'application/json; charset=utf-8')).toEqual({ ok: true, type: 'application/json' });
    expect(checkDocument(text('# hi'), 'text/markdown')).toEqual({ ok: true, type: 'text/markdown' });
    expect(checkDocument(text('{oops'), 'application/json').ok).toBe(false);
    expect(checkDocument(text('<script>alert(1)</script>'), 'text/html').ok).toBe(false);
    expect(checkDocument(new Uint8Array([0xff, 0xfe]), 'text/plain').ok).toBe(false);
    expect(checkDocument(new Uint8Array(0), 'text/plain').ok).toBe(false);
    expect(checkDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(97), 'text/plain').ok).toBe(false);
  });
});
