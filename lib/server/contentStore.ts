// The app's content-addressed document store: files named by CID in the local data folder
// (OSO_CONTENT_DIR, default .data/content), so documents survive restarts. In production the same
// ipfs:// URIs would be pinned to IPFS; this store is the local, offline stand-in for a pinning
// service and gateway.
import 'server-only';
import { join } from 'node:path';
import type { DocumentType } from '../content';
import { readDocumentFile, writeDocument, type StoreResult } from '../contentFiles';

export function contentDir(): string {
  return process.env.OSO_CONTENT_DIR ?? join(process.cwd(), '.data', 'content');
}

/** Checks and stores a document. */
export function storeDocument(bytes: Uint8Array, declaredType: string): Promise<StoreResult> {
  return writeDocument(contentDir(), bytes, declaredType);
}

/** A stored document by CID, verified. */
export function readDocument(cid: string): Promise<{ bytes: Uint8Array; type: DocumentType } | null> {
  return readDocumentFile(contentDir(), cid);
}
