// Browser and program side of the document store: publish a document and fetch one back,
// verifying the bytes against the CID in its ipfs:// URI before trusting them.
import { matchesCid, parseCid, type DocumentType } from './content';

export class DocumentError extends Error {}

/** Stores `text` through the app's /api/content and returns its ipfs:// URI. */
export async function publishDocument(text: string, type: DocumentType = 'text/plain', base = ''): Promise<string> {
  const response = await fetch(`${base}/api/content`, { method: 'POST', headers: { 'content-type': type }, body: text });
  const body = (await response.json()) as { uri?: string; error?: string };
  if (!response.ok || !body.uri) throw new DocumentError(body.error ?? `The document could not be stored (HTTP ${response.status}).`);
  return body.uri;
}

/** Fetches an ipfs:// document from the app's store and checks it against its CID. */
export async function fetchDocument(uri: string, base = ''): Promise<{ text: string; type: string; bytes: Uint8Array }> {
  const cid = parseCid(uri);
  if (!cid) throw new DocumentError('Not an ipfs:// document this app can verify.');
  const response = await fetch(`${base}/api/content/${cid}`);
  if (!response.ok) throw new DocumentError(response.status === 404 ? 'The document is not in this store.' : `HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(await matchesCid(bytes, cid))) throw new DocumentError('The document does not match its content address.');
  return { text: new TextDecoder().decode(bytes), type: response.headers.get('content-type') ?? 'text/plain', bytes };
}
