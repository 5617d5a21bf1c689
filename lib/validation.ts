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
