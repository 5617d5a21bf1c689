// SHA-256 notarization: the hash and size of the request document's exact bytes. Delivered on
// chain, the result document is a timestamped statement that the document existed then.
import { createHash } from 'node:crypto';
import { defineJob } from './job';

export interface Notarization {
  algorithm: 'sha-256';
  /** Lower-case hex digest of the request bytes. */
  sha256: string;
  /** Size of the request in bytes. */
  size: number;
}

export function notarize(bytes: Uint8Array): Notarization {
  return { algorithm: 'sha-256', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

export const notarizationJob = defineJob<Notarization>({
  key: 'sha256-notarization',
  title: 'SHA-256 notarization',
  version: 1,
  description: `# SHA-256 notarization

**Request**: the document to notarize (any document the content store accepts). Its exact bytes
are hashed.

**Result**: \`{ "algorithm": "sha-256", "sha256": "<hex>", "size": <bytes> }\`. The delivery
transaction's block time dates the statement; the result hash on chain seals it.`,
  compute: notarize,
  tamper: (result) => ({ ...result, sha256: `${result.sha256.slice(0, -1)}${result.sha256.endsWith('0') ? '1' : '0'}` }),
});
