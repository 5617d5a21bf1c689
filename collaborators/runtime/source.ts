// The source manifest: how a reference agent names the exact code it runs, so anyone can check it
// against this repository. The manifest is the JSON text
//   {"name":<agent>,"files":[{"path":<repo-relative POSIX path>,"sha256":<hex>}, …]}
// (no whitespace, files sorted by path in code-unit order) of every file under the given folders.
// The agent stores it in the content store and joins the registry with
//   sourceURI  = ipfs://<CID of the manifest bytes>
//   sourceHash = 0x + sha256 of the manifest bytes
// Recompute it from a checkout with buildSourceManifest (or: sha256sum each file, sort, JSON).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Hex } from 'viem';
import { REPO_ROOT } from './connect';

export interface SourceManifest {
  name: string;
  files: { path: string; sha256: string }[];
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The manifest of every file under `folders` (relative to `root`, default the repository root). */
export function buildSourceManifest(name: string, folders: readonly string[], root: string = REPO_ROOT): { manifest: SourceManifest; bytes: Uint8Array; sourceHash: Hex } {
  const files = folders
    .flatMap((folder) => filesUnder(join(root, folder)))
    .map((path) => ({ path: relative(root, path).split(sep).join('/'), sha256: sha256Hex(readFileSync(path)) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: SourceManifest = { name, files };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return { manifest, bytes, sourceHash: `0x${sha256Hex(bytes)}` };
}
