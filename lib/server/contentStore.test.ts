import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument, storeDocument } from './contentStore';

const dir = mkdtempSync(join(tmpdir(), 'oso-content-'));
beforeAll(() => {
  process.env.OSO_CONTENT_DIR = dir;
});

describe('content store', () => {
  it('stores a document under its CID and serves it back with its type', async () => {
    const bytes = new TextEncoder().encode('{"request":"count the words"}');
    const stored = await storeDocument(bytes, 'application/json');
    expect(stored).toMatchObject({ ok: true, type: 'application/json', size: bytes.length });
    if (!stored.ok) return;
    expect(stored.uri).toBe(`ipfs://${stored.cid}`);
    const read = await readDocument(stored.uri);
    expect(read?.type).toBe('application/json');
    expect(new TextDecoder().decode(read!.bytes)).toBe('{"request":"count the words"}');
  });
  it('refuses what is not a small text document', async () => {
    expect((await storeDocument(new TextEncoder().encode('<b>x</b>'), 'text/html')).ok).toBe(false);
  });
  it('does not serve unknown, malformed or tampered documents', async () => {
    expect(await readDocument('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e')).toBeNull();
    expect(await readDocument('../secret')).toBeNull();
    const stored = await storeDocument(new TextEncoder().encode('original'), 'text/plain');
    if (!stored.ok) throw new Error('not stored');
    writeFileSync(join(dir, stored.cid), 'tampered');
    expect(await readDocument(stored.cid)).toBeNull();
  });
});
