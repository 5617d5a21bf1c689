// Whether a collaborator's published source is one of this repository's reference programs
// (collaborators/reference.ts): its on-chain sourceHash equals the hash of the manifest recomputed
// from the files here, or its manifest names a reference program whose files differ from ours.
import type { ReferenceProgram } from '../collaborators/reference';
import type { SourceManifest } from '../collaborators/runtime/source';

/** A reference program's manifest as recomputed from this repository's files. */
export interface LocalReference {
  program: ReferenceProgram;
  manifest: SourceManifest;
  /** 0x + sha256 of the manifest bytes. */
  sourceHash: string;
}

export type SourceVerdict =
  | { kind: 'matches'; program: ReferenceProgram }
  /** The manifest names a reference program, but its files are not this repository's. */
  | { kind: 'differs'; program: ReferenceProgram; changedFiles: string[] }
  | { kind: 'other' };

const HEX64 = /^[0-9a-f]{64}$/;

/** The manifest in `text` if it has the shape runtime/source.ts writes; null otherwise. */
export function parseSourceManifest(text: string): SourceManifest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { name, files } = value as { name?: unknown; files?: unknown };
  if (typeof name !== 'string' || !Array.isArray(files)) return null;
  const entries: SourceManifest['files'] = [];
  for (const file of files as unknown[]) {
    if (typeof file !== 'object' || file === null) return null;
    const { path, sha256 } = file as { path?: unknown; sha256?: unknown };
    if (typeof path !== 'string' || typeof sha256 !== 'string' || !HEX64.test(sha256)) return null;
    entries.push({ path, sha256 });
  }
  return { name, files: entries };
}

/** Paths whose content differs between two manifests, or that only one of them lists, sorted. */
export function changedFiles(published: SourceManifest, local: SourceManifest): string[] {
  const ours = new Map(local.files.map((f) => [f.path, f.sha256]));
  const theirs = new Map(published.files.map((f) => [f.path, f.sha256]));
  const paths = new Set([...ours.keys(), ...theirs.keys()]);
  return [...paths].filter((path) => ours.get(path) !== theirs.get(path)).sort();
}

/**
 * Judges a collaborator's `sourceHash` against the reference programs. `published` is the manifest
 * behind its sourceURI when that document is the one the hash commits to (else null).
 */
export function judgeSource(sourceHash: string, published: SourceManifest | null, references: readonly LocalReference[]): SourceVerdict {
  const hash = sourceHash.toLowerCase();
  const same = references.find((r) => r.sourceHash.toLowerCase() === hash);
  if (same) return { kind: 'matches', program: same.program };
  const claimed = published && references.find((r) => r.program.manifestName === published.name);
  if (published && claimed) return { kind: 'differs', program: claimed.program, changedFiles: changedFiles(published, claimed.manifest) };
  return { kind: 'other' };
}
