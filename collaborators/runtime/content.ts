// Client of the app's content store (/api/content): documents are addressed by ipfs://<CIDv1> of
// their bytes (lib/content.ts). Nothing read from the store is trusted before it matches its CID,
// and nothing is stored unless the store answers with the CID computed here.
import { isDocumentType, parseCid, uriOf, type DocumentType } from '../../lib/content';
import { ContentUnavailableError, DocumentRejectedError } from './errors';

export const DEFAULT_CONTENT_URL = 'http://127.0.0.1:3000/api/content';

export interface FetchedDocument {
  uri: string;
  bytes: Uint8Array;
  type: DocumentType;
  /** The bytes as UTF-8 text (documents are text: lib/content.ts). */
  text: string;
}

export interface ContentClient {
  /** The store's base URL, e.g. http://127.0.0.1:3000/api/content. */
  readonly baseUrl: string;
  /** Stores a document and returns its ipfs:// URI. Strings are stored as UTF-8. */
  putDocument(content: Uint8Array | string, type: DocumentType): Promise<string>;
  /** Fetches a document by its ipfs:// URI (or bare CID) and verifies the bytes against the CID. */
  getDocument(uri: string): Promise<FetchedDocument>;
}

const encoder = new TextEncoder();

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new ContentUnavailableError(`The content store at ${url} is unreachable`, { cause: error });
  }
}

/** A client of the store at `baseUrl`; each request gives up after `timeoutMs`. */
export function createContentClient(baseUrl: string, options: { timeoutMs?: number } = {}): ContentClient {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    baseUrl: base,
    async putDocument(content, type) {
      const bytes = typeof content === 'string' ? encoder.encode(content) : content;
      const expected = await uriOf(bytes);
      const response = await request(base, { method: 'POST', headers: { 'content-type': type }, body: Buffer.from(bytes) }, timeoutMs);
      if (response.status >= 500) throw new ContentUnavailableError(`The content store answered HTTP ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as { uri?: unknown; error?: unknown };
      if (!response.ok) {
        throw new DocumentRejectedError(typeof body.error === 'string' ? `The content store refused the document: ${body.error}` : `The content store answered HTTP ${response.status}`);
      }
      if (body.uri !== expected) throw new DocumentRejectedError(`The content store answered ${String(body.uri)}, expected ${expected}`);
      return expected;
    },
    async getDocument(uri) {
      const cid = parseCid(uri);
      if (!cid) throw new DocumentRejectedError(`Not an ipfs:// URI of a raw sha2-256 CIDv1: ${uri.slice(0, 120)}`);
      const response = await request(`${base}/${cid}`, { method: 'GET' }, timeoutMs);
      if (response.status >= 500) throw new ContentUnavailableError(`The content store answered HTTP ${response.status}`);
      if (response.status === 404) throw new DocumentRejectedError(`The document ${cid} is not in the content store`);
      if (!response.ok) throw new DocumentRejectedError(`The content store answered HTTP ${response.status} for ${cid}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if ((await uriOf(bytes)) !== `ipfs://${cid}`) throw new DocumentRejectedError(`The bytes served for ${cid} do not match the CID`);
      const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const type: DocumentType = isDocumentType(declared) ? declared : 'text/plain';
      return { uri: `ipfs://${cid}`, bytes, type, text: new TextDecoder().decode(bytes) };
    },
  };
}
