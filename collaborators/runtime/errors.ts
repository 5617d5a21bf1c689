// Error classes of the runtime and the test for "the RPC or the content store is unreachable".
import { HttpRequestError, TimeoutError } from 'viem';

/** A configuration problem the operator must fix (bad key, wrong chain, …): exit code 2. */
export class AgentConfigError extends Error {
  override name = 'AgentConfigError';
}

/** The content store did not answer (network error, 5xx): worth retrying. */
export class ContentUnavailableError extends Error {
  override name = 'ContentUnavailableError';
}

/** The content store answered, but not with the document (404, refused, or bytes not matching the CID). */
export class DocumentRejectedError extends Error {
  override name = 'DocumentRejectedError';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether `error` (or one of its causes) says the RPC or the content store could not be reached. */
export function isUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current instanceof HttpRequestError || current instanceof TimeoutError || current instanceof ContentUnavailableError) return true;
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    current = current.cause;
  }
  return false;
}

/** What `error` could not reach: the content store, the RPC (any other network failure), or null. */
export function unreachableService(error: unknown): 'content' | 'rpc' | null {
  if (!isUnreachable(error)) return null;
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current instanceof ContentUnavailableError) return 'content';
  }
  return 'rpc';
}

/** The first line of an error's message (viem's messages run over many lines). */
export function shortMessage(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as { shortMessage?: unknown }).shortMessage;
    const text = typeof short === 'string' && short ? short : error.message;
    return text.split('\n')[0] ?? text;
  }
  return String(error);
}
