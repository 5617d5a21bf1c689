// Untrusted strings from the chain are rendered as text; only https: and ipfs: URIs become links.

const IPFS_GATEWAY = 'https://ipfs.io/ipfs/';

/** Whether `uri` is an https: or ipfs: URI the app will accept and link to. */
export function isSafeUri(uri: string): boolean {
  if (uri.startsWith('ipfs://')) return /^ipfs:\/\/[A-Za-z0-9._\-/]+$/.test(uri) && uri.length > 'ipfs://'.length;
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The href to use for a safe URI (ipfs: goes through a public gateway), or null for anything else. */
export function safeHref(uri: string): string | null {
  if (!isSafeUri(uri)) return null;
  if (uri.startsWith('ipfs://')) return IPFS_GATEWAY + uri.slice('ipfs://'.length);
  return uri;
}
