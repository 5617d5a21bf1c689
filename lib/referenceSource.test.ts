import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReferenceProgram } from '../collaborators/reference';
import { buildSourceManifest } from '../collaborators/runtime/source';
import { changedFiles, judgeSource, parseSourceManifest, type LocalReference } from './referenceSource';

const program: ReferenceProgram = { name: 'demo', manifestName: 'oso-demo', folders: ['agent'] };

/** A checkout with one reference program's folder; returns its recomputed manifest. */
function checkout(files: Record<string, string>): { root: string; reference: LocalReference } {
  const root = mkdtempSync(join(tmpdir(), 'oso-reference-'));
  mkdirSync(join(root, 'agent'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'agent', name), text);
  const { manifest, sourceHash } = buildSourceManifest(program.manifestName, program.folders, root);
  return { root, reference: { program, manifest, sourceHash } };
}

describe('judgeSource', () => {
  const ours = checkout({ 'main.ts': 'serve()', 'job.ts': 'compute()' }).reference;

  it('matches when the on-chain hash is the recomputed manifest hash, in any letter case', () => {
    expect(judgeSource(ours.sourceHash.toUpperCase().replace('0X', '0x'), null, [ours])).toEqual({ kind: 'matches', program });
  });

  it('differs when the published manifest names the program but its files are not ours', () => {
    const theirs = checkout({ 'main.ts': 'serve(); steal()', 'job.ts': 'compute()', 'extra.ts': '' }).reference;
    expect(theirs.sourceHash).not.toBe(ours.sourceHash);
    expect(judgeSource(theirs.sourceHash, theirs.manifest, [ours])).toEqual({ kind: 'differs', program, changedFiles: ['agent/extra.ts', 'agent/main.ts'] });
  });

  it('is silent about a collaborator whose manifest names another program, or that has none', () => {
    const foreign = { name: 'someone-else', files: ours.manifest.files };
    expect(judgeSource(`0x${'ab'.repeat(32)}`, foreign, [ours])).toEqual({ kind: 'other' });
    expect(judgeSource(`0x${'ab'.repeat(32)}`, null, [ours])).toEqual({ kind: 'other' });
  });
});

describe('changedFiles', () => {
  it('lists changed, missing and extra paths, sorted', () => {
    const local = { name: 'x', files: [{ path: 'a', sha256: '1'.repeat(64) }, { path: 'b', sha256: '2'.repeat(64) }, { path: 'c', sha256: '3'.repeat(64) }] };
    const published = { name: 'x', files: [{ path: 'd', sha256: '4'.repeat(64) }, { path: 'b', sha256: '9'.repeat(64) }, { path: 'a', sha256: '1'.repeat(64) }] };
    expect(changedFiles(published, local)).toEqual(['b', 'c', 'd']);
  });
});

describe('parseSourceManifest', () => {
  it('reads the manifest runtime/source.ts writes and refuses other shapes', () => {
    const { manifest } = checkout({ 'main.ts': 'serve()' }).reference;
    expect(parseSourceManifest(JSON.stringify(manifest))).toEqual(manifest);
    expect(parseSourceManifest('not json')).toBeNull();
    expect(parseSourceManifest('{"name":"x","files":[{"path":"a","sha256":"zz"}]}')).toBeNull();
    expect(parseSourceManifest('{"name":1,"files":[]}')).toBeNull();
  });
});
