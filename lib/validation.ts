// Validation of collaborator profile input, run in the browser before any transaction.
// Mirrors CollaboratorRegistry's checks (name 1–64 bytes, URIs ≤ 256 bytes, kinds 1..15, bond ≥ minBond)
// and adds the app's rule that links are https: or ipfs: only.
import { isHex, parseEther, type Hex, zeroHash } from 'viem';
import { ALL_KINDS_MASK } from './collaborators';
import { isSafeUri } from './links';

export const MAX_NAME_BYTES = 64;
export const MAX_URI_BYTES = 256;

export interface ProfileInput {
  kinds: number;
  name: string;
  profileURI: string;
  sourceURI: string;
  sourceHash: string;
}

export interface ProfileValues {
  kinds: number;
  name: string;
  profileURI: string;
  sourceURI: string;
  sourceHash: Hex;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const byteLength = (s: string) => new TextEncoder().encode(s).length;

function checkUri(value: string, required: boolean, what: string): string | undefined {
  if (value === '') return required ? `Enter the ${what} (https:// or ipfs://).` : undefined;
  if (byteLength(value) > MAX_URI_BYTES) return `The ${what} is longer than ${MAX_URI_BYTES} bytes.`;
  if (!isSafeUri(value)) return `The ${what} must be an https:// or ipfs:// link.`;
  return undefined;
}

/** Checks profile fields; returns cleaned values or the errors per field. */
export function validateProfile(
  input: ProfileInput,
): { ok: true; values: ProfileValues } | { ok: false; errors: FieldErrors<keyof ProfileInput> } {
  const errors: FieldErrors<keyof ProfileInput> = {};
  const name = input.name.trim();
  const profileURI = input.profileURI.trim();
  const sourceURI = input.sourceURI.trim();
  const sourceHash = input.sourceHash.trim();

  if (!Number.isInteger(input.kinds) || input.kinds < 1 || input.kinds > ALL_KINDS_MASK) {
    errors.kinds = 'Choose at least one kind of work.';
  }
  if (name === '') errors.name = 'Enter a name.';
  else if (byteLength(name) > MAX_NAME_BYTES) errors.name = `The name is longer than ${MAX_NAME_BYTES} bytes.`;
  const profileError = checkUri(profileURI, false, 'profile link');
  if (profileError) errors.profileURI = profileError;
  const sourceError = checkUri(sourceURI, true, 'source code link');
  if (sourceError) errors.sourceURI = sourceError;
  if (sourceHash !== '' && !(isHex(sourceHash) && sourceHash.length === 66)) {
    errors.sourceHash = 'The source hash must be 32 bytes in hex: 0x followed by 64 hex digits.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      kinds: input.kinds,
      name,
      profileURI,
      sourceURI,
      sourceHash: sourceHash === '' ? zeroHash : (sourceHash.toLowerCase() as Hex),
    },
  };
}

/** Parses an ETH amount typed by a person; checks it against a minimum and the balance. */
export function validateAmount(
  text: string,
  { min, balance, what }: { min: bigint; balance: bigint | null; what: string },
): { ok: true; wei: bigint } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,18})?$/.test(trimmed)) return { ok: false, error: `Enter the ${what} in ETH, like 0.05.` };
  const wei = parseEther(trimmed);
  if (wei === 0n) return { ok: false, error: `The ${what} must be more than zero.` };
  if (wei < min) return { ok: false, error: `The ${what} must be at least the minimum.` };
  if (balance !== null && wei > balance) return { ok: false, error: `Your balance is too low for this ${what}.` };
  return { ok: true, wei };
}

// ───────────── Marketplace and certificates (mirroring Marketplace and Certificates) ─────────────

export const MAX_TITLE_BYTES = 96;
export const MIN_DELIVERY_SECONDS = 60;
export const MAX_DELIVERY_SECONDS = 90 * 86_400;
export const MAX_CERTIFICATE_VALIDITY = 730 * 86_400;
export const MAX_REASON_BYTES = 256;
export const MAX_EVIDENCE_BYTES = 10_000;

export interface ServiceInput {
  title: string;
  metadataURI: string;
  price: string;
  /** Delivery window in hours; decimals allowed (0.5 = 30 minutes). */
  hours: string;
}

export interface ServiceValues {
  title: string;
  metadataURI: string;
  price: bigint;
  deliveryWindow: number;
}

/** Checks a new service's terms: title 1–96 bytes, optional https/ipfs details, price > 0, window 1 minute–90 days. */
export function validateService(input: ServiceInput): { ok: true; values: ServiceValues } | { ok: false; errors: FieldErrors<keyof ServiceInput> } {
  const errors: FieldErrors<keyof ServiceInput> = {};
  const title = input.title.trim();
  const metadataURI = input.metadataURI.trim();
  if (title === '') errors.title = 'Enter a title.';
  else if (byteLength(title) > MAX_TITLE_BYTES) errors.title = `The title is longer than ${MAX_TITLE_BYTES} bytes.`;
  const uriError = checkUri(metadataURI, false, 'details link');
  if (uriError) errors.metadataURI = uriError;
  const price = validateAmount(input.price, { min: 1n, balance: null, what: 'price' });
  if (!price.ok) errors.price = price.error;
  else if (price.wei >= 2n ** 128n) errors.price = 'The price is too high.';
  const hoursText = input.hours.trim();
  let deliveryWindow = 0;
  if (!/^\d+(\.\d+)?$/.test(hoursText)) errors.hours = 'Enter the delivery window in hours, like 24 or 0.5.';
  else {
    deliveryWindow = Math.round(Number(hoursText) * 3600);
    if (deliveryWindow < MIN_DELIVERY_SECONDS || deliveryWindow > MAX_DELIVERY_SECONDS) {
      errors.hours = 'The delivery window must be between 1 minute and 90 days (2160 hours).';
    }
  }
  if (Object.keys(errors).length > 0 || !price.ok) return { ok: false, errors };
  return { ok: true, values: { title, metadataURI, price: price.wei, deliveryWindow } };
}

export interface CertificateInput {
  level: number;
  /** The expiry date, YYYY-MM-DD (midnight UTC). */
  expires: string;
  evidence: string;
}

export interface CertificateValues {
  level: 1 | 2 | 3;
  expiresAt: bigint;
  evidence: string;
}

/** Checks a certificate: level 1–3, expiry in the future and at most two years after `now` (seconds), evidence text. */
export function validateCertificate(
  input: CertificateInput,
  now: number,
): { ok: true; values: CertificateValues } | { ok: false; errors: FieldErrors<keyof CertificateInput> } {
  const errors: FieldErrors<keyof CertificateInput> = {};
  if (input.level !== 1 && input.level !== 2 && input.level !== 3) errors.level = 'Choose bronze, silver or gold.';
  let expiresAt = 0;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.expires) || Number.isNaN(Date.parse(`${input.expires}T00:00:00Z`))) {
    errors.expires = 'Choose the date the certificate expires.';
  } else {
    expiresAt = Date.parse(`${input.expires}T00:00:00Z`) / 1000;
    if (expiresAt <= now) errors.expires = 'The expiry date must be in the future.';
    else if (expiresAt > now + MAX_CERTIFICATE_VALIDITY) errors.expires = 'The expiry date must be within two years.';
  }
  const evidence = input.evidence.trim();
  if (evidence === '') errors.evidence = 'Describe the assessment behind the certificate.';
  else if (byteLength(evidence) > MAX_EVIDENCE_BYTES) errors.evidence = `The evidence is longer than ${MAX_EVIDENCE_BYTES} bytes.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { level: input.level as 1 | 2 | 3, expiresAt: BigInt(expiresAt), evidence } };
}

/** Checks a revocation reason: 1–256 bytes. */
export function validateReason(text: string): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = text.trim();
  if (reason === '') return { ok: false, error: 'Give a reason for revoking.' };
  if (byteLength(reason) > MAX_REASON_BYTES) return { ok: false, error: `The reason is longer than ${MAX_REASON_BYTES} bytes.` };
  return { ok: true, reason };
}
