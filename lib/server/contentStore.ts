// The app's content-addressed document store: files named by CID in the local data folder
// (OSO_CONTENT_DIR, default .data/content), so documents survive restarts. In production the same
// ipfs:// URIs would be pinned to IPFS; this store is the local, offline stand-in for a pinning
// service and gateway.
import 'server-only';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDocument, cidOf, isDocumentType, matchesCid, parseCid, type DocumentType } from '../content';

function contentDir(): string {
  return process.env.OSO_CONTENT_DIR ?? join(process.cwd(), '.data', 'content');
}

export type StoreResult = { ok: true; uri: string; cid: string; type: DocumentType; size: number } | { ok: false; error: string };

/** Checks and stores a document; storing the same bytes twice is harmless. */
export async function storeDocument(bytes: Uint8Array, declaredType: string): Promise<StoreResult> {
  const check = checkDocument(bytes, declaredType);
  if (!check.ok) return check;
  const cid = await cidOf(bytes);
  const dir = contentDir();
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${cid}.${process.pid}.tmp`);
  await writeFile(temp, bytes);
  await rename(temp, join(dir, cid));
  await writeFile(join(dir, `${cid}.type`), check.type);
  return { ok: true, uri: `ipfs://${cid}`, cid, type: check.type, size: bytes.length };
}

/** A stored document by CID, verified against it; null when unknown or not a CID we serve. */
export async function readDocument(cidText: string): Promise<{ bytes: Uint8Array; type: DocumentType } | null> {
  const cid = parseCid(cidText);
  if (!cid) return null;
  const dir = contentDir();
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
