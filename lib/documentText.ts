// How a stored document is shown: always as text; JSON pretty-printed so a result reads at a glance.
import { keccak256, type Hex } from 'viem';

/** The document's text for display: JSON (by type, or any text that parses as JSON) indented by 2. */
export function displayText(text: string, type: string): string {
  const json = type.split(';')[0]!.trim().toLowerCase() === 'application/json' || /^\s*[[{]/.test(text);
  if (!json) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Whether `hash` (an order's resultHash) is the keccak-256 of the document's bytes, as the app and the reference agents deliver it. */
export function isResultHashOf(bytes: Uint8Array, hash: Hex): boolean {
  return keccak256(bytes).toLowerCase() === hash.toLowerCase();
}
