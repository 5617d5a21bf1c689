import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uriOf } from '../../lib/content';
import { startContentServer, type TestContentServer } from '../test/contentServer';
import { backoffDelay } from './backoff';
import { createContentClient } from './content';
import { ContentUnavailableError, DocumentRejectedError, isUnreachable, unreachableService } from './errors';
import { createLogger } from './log';
import { buildSourceManifest } from './source';

describe('createLogger', () => {
  it('writes one JSON line per event, bigints as strings, below-threshold levels dropped', () => {
    const lines: string[] = [];
    const log = createLogger('demo', { write: (text) => lines.push(text), now: () => new Date(0), minLevel: 'info' });
    log.debug('hidden');
    log.info('order.delivered', { orderId: 12n, error: new Error('x') });
    expect(lines).toEqual(['{"time":"1970-01-01T00:00:00.000Z","level":"info","agent":"demo","event":"order.delivered","fields":{"orderId":"12","error":"x"}}\n']);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseMs: 500, maxMs: 3_000 };
    expect([0, 1, 2, 3, 4, 50].map((n) => backoffDelay(n, policy))).toEqual([0, 500, 1_000, 2_000, 3_000, 3_000]);
  });
});

describe('isUnreachable', () => {
  it('sees network errors through causes, not other errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isUnreachable(new Error('wrapped', { cause: refused }))).toBe(true);
    expect(isUnreachable(new ContentUnavailableError('down'))).toBe(true);
    expect(isUnreachable(new DocumentRejectedError('404'))).toBe(false);
    expect(isUnreachable(new Error('execution reverted'))).toBe(false);
    expect(unreachableService(new Error('wrapped', { cause: refused }))).toBe('rpc');
    expect(unreachableService(new ContentUnavailableError('down', { cause: refused }))).toBe('content');
    expect(unreachableService(new Error('execution reverted'))).toBe(null);
  });
});

describe('content client', () => {
  let dir: string;
  let store: TestContentServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oso-content-'));
    store = await startContentServer(dir);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a document under its CID and reads it back verified', async () => {
    const client = createContentClient(store.url);
    const uri = await client.putDocument('{"n":1}', 'application/json');
    expect(uri).toBe(await uriOf(new TextEncoder().encode('{"n":1}')));
    await expect(client.getDocument(uri)).resolves.toMatchObject({ uri, text: '{"n":1}', type: 'application/json' });
  });

  it('refuses bytes that do not match the CID', async () => {
    const client = createContentClient(store.url);
    const uri = await client.putDocument('original', 'text/plain');
    const cid = uri.slice('ipfs://'.length);
    writeFileSync(join(dir, cid), 'tampered');
    await expect(client.getDocument(uri)).rejects.toThrow(DocumentRejectedError);
  });

  it('tells a missing document from an unreachable store', async () => {
    const missing = await uriOf(new TextEncoder().encode('never stored'));
    await expect(createContentClient(store.url).getDocument(missing)).rejects.toThrow(/not in the content store/);
    await expect(createContentClient('http://127.0.0.1:1/api/content').getDocument(missing)).rejects.toThrow(ContentUnavailableError);
    await expect(createContentClient(store.url).putDocument('<b>x</b>', 'text/html' as 'text/plain')).rejects.toThrow(DocumentRejectedError);
  });
});

describe('buildSourceManifest', () => {
  it('lists every file with its sha256, sorted by path, and hashes the compact JSON', () => {
    const root = mkdtempSync(join(tmpdir(), 'oso-source-'));
    try {
      mkdirSync(join(root, 'a', 'sub'), { recursive: true });
      writeFileSync(join(root, 'a', 'z.ts'), 'z');
      writeFileSync(join(root, 'a', 'sub', 'b.ts'), 'b');
      const { manifest, bytes, sourceHash } = buildSourceManifest('demo', ['a'], root);
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      expect(manifest).toEqual({ name: 'demo', files: [{ path: 'a/sub/b.ts', sha256: sha('b') }, { path: 'a/z.ts', sha256: sha('z') }] });
      expect(new TextDecoder().decode(bytes)).toBe(JSON.stringify(manifest));
      expect(sourceHash).toBe(`0x${sha(JSON.stringify(manifest))}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
