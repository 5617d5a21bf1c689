import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_PROGRAMS } from '../../collaborators/reference';
import { buildSourceManifest } from '../../collaborators/runtime/source';
import { storeDocument } from './contentStore';
import { checkReferenceSource, localReferences } from './referenceSource';

const { service, faulty } = REFERENCE_PROGRAMS;

/** A fork of the service agent: the same folders holding other files. */
function forkedService(): string {
  const root = mkdtempSync(join(tmpdir(), 'oso-fork-'));
  for (const folder of service.folders) {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'index.ts'), `// ${folder}`);
  }
  return root;
}

beforeAll(() => {
  process.env.OSO_CONTENT_DIR = mkdtempSync(join(tmpdir(), 'oso-content-'));
});

describe('checkReferenceSource', () => {
  it('recomputes the reference programs of this repository that exist here', () => {
    const names = localReferences().map((r) => r.program.name);
    expect(names).toEqual(expect.arrayContaining(['service', 'faulty', 'rating']));
    expect(localReferences()).toBe(localReferences()); // cached per process
    // The folders' order (the program's own first) does not change the manifest.
    expect(buildSourceManifest(service.manifestName, [...service.folders].reverse()).sourceHash).toBe(localReferences().find((r) => r.program === service)?.sourceHash);
  });

  it('matches the manifest the service agent publishes, and tells it from the faulty demo', async () => {
    const published = buildSourceManifest(service.manifestName, service.folders);
    expect(await checkReferenceSource('ipfs://not-stored', published.sourceHash)).toEqual({ kind: 'matches', program: service });
    const demo = buildSourceManifest(faulty.manifestName, faulty.folders);
    expect(await checkReferenceSource('', demo.sourceHash)).toEqual({ kind: 'matches', program: faulty });
  });

  it("says a stored manifest naming the service agent with other files does not match this repository's code", async () => {
    const fork = buildSourceManifest(service.manifestName, service.folders, forkedService());
    const stored = await storeDocument(fork.bytes, 'application/json');
    if (!stored.ok) throw new Error(stored.error);
    const verdict = await checkReferenceSource(stored.uri, fork.sourceHash);
    expect(verdict.kind).toBe('differs');
    if (verdict.kind === 'differs') {
      expect(verdict.program).toBe(service);
      expect(verdict.changedFiles).toContain('collaborators/service/agent.ts');
    }
    // A manifest whose bytes are not the ones the hash commits to proves nothing.
    expect(await checkReferenceSource(stored.uri, `0x${'1'.repeat(64)}`)).toEqual({ kind: 'other' });
  });

  it('is silent for a collaborator without a source hash', async () => {
    expect(await checkReferenceSource('https://example.org/code', `0x${'0'.repeat(64)}`)).toEqual({ kind: 'other' });
  });
});
