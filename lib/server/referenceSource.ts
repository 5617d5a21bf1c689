// Server side of the reference source check: recomputes each reference program's source manifest
// from the files of this checkout (once per process) and reads a collaborator's published manifest
// from the content store.
import 'server-only';
import { createHash } from 'node:crypto';
import { REFERENCE_PROGRAM_LIST } from '@/collaborators/reference';
import { buildSourceManifest } from '@/collaborators/runtime/source';
import { parseCid } from '../content';
import { judgeSource, parseSourceManifest, type LocalReference, type SourceVerdict } from '../referenceSource';
import { readDocument } from './contentStore';

const cache = new Map<string, readonly LocalReference[]>();

/** The reference programs' manifests recomputed from the files under `root` (cached per root); a program whose folders are missing is left out. */
export function localReferences(root: string = process.cwd()): readonly LocalReference[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const references = REFERENCE_PROGRAM_LIST.flatMap((program): LocalReference[] => {
    try {
      const { manifest, sourceHash } = buildSourceManifest(program.manifestName, program.folders, root);
      return [{ program, manifest, sourceHash }];
    } catch {
      return [];
    }
  });
  cache.set(root, references);
  return references;
}

/** The manifest behind `sourceURI` when the store holds it and its SHA-256 is `sourceHash`. */
async function publishedManifest(sourceURI: string, sourceHash: string) {
  if (!parseCid(sourceURI)) return null;
  const document = await readDocument(sourceURI).catch(() => null);
  if (!document) return null;
  const digest = `0x${createHash('sha256').update(document.bytes).digest('hex')}`;
  if (digest !== sourceHash.toLowerCase()) return null;
  return parseSourceManifest(new TextDecoder().decode(document.bytes));
}

/** Whether a collaborator's source is one of this repository's reference programs, and if so whether it matches. */
export async function checkReferenceSource(sourceURI: string, sourceHash: string, root?: string): Promise<SourceVerdict> {
  if (/^0x0*$/.test(sourceHash)) return { kind: 'other' };
  const references = localReferences(root);
  const exact = judgeSource(sourceHash, null, references);
  if (exact.kind === 'matches') return exact;
  return judgeSource(sourceHash, await publishedManifest(sourceURI, sourceHash), references);
}
