// The result document of an order and its on-chain hash. Everything in it follows from chain data
// (order id, request URI) and the request bytes, so anyone — the buyer, the rating agent, a juror —
// can rebuild it byte for byte and compare keccak256 with the order's resultHash:
//   {"job":<key>,"jobVersion":<n>,"orderId":"<id>","request":"<requestURI>","ok":true,"result":<json>}
//   {"job":<key>,"jobVersion":<n>,"orderId":"<id>","request":"<requestURI>","ok":false,"error":"<why>"}
// serialized with JSON.stringify(document, null, 2) and stored as application/json.
// resultHash = keccak256(document bytes), as the app's deliver form does (components/forms/Orders.tsx).
import { keccak256, type Hex } from 'viem';
import type { Job, JobOutcome } from './jobs';

export interface ResultDocument {
  job: string;
  jobVersion: number;
  orderId: string;
  request: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface RenderedResult {
  document: ResultDocument;
  text: string;
  bytes: Uint8Array;
  /** keccak256 of the bytes: the order's resultHash. */
  hash: Hex;
}

export function renderResult(job: Pick<Job, 'key' | 'version'>, orderId: bigint, requestURI: string, outcome: JobOutcome): RenderedResult {
  const head = { job: job.key, jobVersion: job.version, orderId: orderId.toString(), request: requestURI };
  const document: ResultDocument = outcome.ok ? { ...head, ok: true, result: outcome.result } : { ...head, ok: false, error: outcome.error };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const bytes = new TextEncoder().encode(text);
  return { document, text, bytes, hash: keccak256(bytes) };
}

/**
 * The honest result of an order: what a correct delivery's document is. `request` is the request
 * document's bytes, or the reason it could not be read (not an ipfs:// URI, missing, not matching).
 */
export function expectedResult(job: Job, orderId: bigint, requestURI: string, request: Uint8Array | { unreadable: string }): RenderedResult {
  const outcome: JobOutcome = request instanceof Uint8Array ? job.run(request) : { ok: false, error: `The request document could not be read: ${request.unreadable}` };
  return renderResult(job, orderId, requestURI, outcome);
}
