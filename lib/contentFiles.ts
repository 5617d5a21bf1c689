// The document store's files: `<dir>/<cid>` holds the bytes and `<dir>/<cid>.type` the media type.
// Used by the app's /api/content (lib/server/contentStore.ts) and by scripts that seed documents.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDocument, cidOf, isDocumentType, matchesCid, parseCid, type DocumentType } from './content';

export type StoreResult = { ok: true; uri: string; cid: string; type: DocumentType; size: number } | { ok: false; error: string };

/** Checks and stores a document in `dir`; storing the same bytes twice is harmless. */
export async function writeDocument(dir: string, bytes: Uint8Array, declaredType: string): Promise<StoreResult> {
  const check = checkDocument(bytes, declaredType);
  if (!check.ok) return check;
  const cid = await cidOf(bytes);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${cid}.${process.pid}.tmp`);
  await writeFile(temp, bytes);
  await rename(temp, join(dir, cid));
  await writeFile(join(dir, `${cid}.type`), check.type);
  return { ok: true, uri: `ipfs://${cid}`, cid, type: check.type, size: bytes.length };
}

/** A document from `dir` by CID, verified against it; null when unknown or not a CID we serve. */
export async function readDocumentFile(dir: string, cidText: string): Promise<{ bytes: Uint8Array; type: DocumentType } | null> {
  const cid = parseCid(cidText);
  if (!cid) return null;
  let bytes: Uint8Array;
  let type: string;
  try {
    bytes = new Uint8Array(await readFile(join(dir, cid)));
    type = (await readFile(join(dir, `${cid}.type`), 'utf8')).trim();
  } catch {
    return null;
  }
  if (!isDocumentType(type) || !(await matchesCid(bytes, cid))) return null;
  return { bytes, type };
}
