// Content addressing for OSO's documents (requests, results, reviews, evidence): a document's URI is
// ipfs://<CIDv1> of its bytes — raw codec, sha2-256 — which is what `ipfs add --cid-version 1
// --raw-leaves` gives for a single-chunk file, so the same URI resolves on any IPFS gateway once
// pinned. Shared by the server store, the browser (to verify what it fetched) and the programs.
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

/** Largest document the store accepts (one IPFS chunk is 256 KiB; documents here are small). */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/** Media types a document may have; anything else (HTML, scripts, images) is refused. */
export const DOCUMENT_TYPES = ['text/plain', 'text/markdown', 'application/json'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The CIDv1 (base32, "bafkrei…") of `bytes`. */
export async function cidOf(bytes: Uint8Array): Promise<string> {
  const digest = await sha256.digest(bytes);
  return CID.createV1(raw.code, digest).toString();
}

/** The ipfs:// URI of `bytes`. */
export async function uriOf(bytes: Uint8Array): Promise<string> {
  return `ipfs://${await cidOf(bytes)}`;
}

/** Parses "ipfs://<cid>" or a bare CID; null unless it is a CIDv1 raw/sha2-256 we can verify. */
export function parseCid(value: string): string | null {
  const text = value.startsWith('ipfs://') ? value.slice('ipfs://'.length) : value;
  if (!/^[a-z2-7]{20,100}$/.test(text)) return null;
  try {
    const cid = CID.parse(text);
    if (cid.version !== 1 || cid.code !== raw.code || cid.multihash.code !== sha256.code) return null;
    return cid.toString();
  } catch {
    return null;
  }
}

/** Whether `bytes` are the document that `cid` names. */
export async function matchesCid(bytes: Uint8Array, cid: string): Promise<boolean> {
  return (await cidOf(bytes)) === parseCid(cid);
}

export type DocumentCheck = { ok: true; type: DocumentType } | { ok: false; error: string };

/** Checks a document before it is stored: size, declared type, UTF-8 text, valid JSON for JSON. */
export function checkDocument(bytes: Uint8Array, declaredType: string): DocumentCheck {
  const type = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!isDocumentType(type)) return { ok: false, error: `Documents must be ${DOCUMENT_TYPES.join(', ')}.` };
  if (bytes.length === 0) return { ok: false, error: 'The document is empty.' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, error: `Documents are limited to ${MAX_DOCUMENT_BYTES / 1024} KiB.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'Documents must be UTF-8 text.' };
  }
  if (type === 'application/json') {
    try {
      JSON.parse(text);
    } catch {
      return { ok: false, error: 'The document is not valid JSON.' };
    }
  }
  return { ok: true, type };
}
