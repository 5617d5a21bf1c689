// The server's one data-access layer: every page reads the chain through here.
import 'server-only';
import { createPublicClient, http, type PublicClient } from 'viem';
import { toViemChain } from '../chain';
import { toDirectoryRecords, type DirectoryRecord } from '../directory';
import { DirectoryReader, RPC_BATCH_SIZE, type DirectorySnapshot } from '../directoryReader';
import { serverConfig } from './config';

let reader: DirectoryReader | null = null;
/** The last enriched directory, reused while the snapshot is the same (no new block). */
let enriched: { snapshot: DirectorySnapshot; records: DirectoryRecord[] } | null = null;
let client: PublicClient | null = null;

/** A viem client for the configured chain; concurrent calls go out as one JSON-RPC batch. */
export function publicClient(): PublicClient {
  if (!client) {
    const config = serverConfig();
    client = createPublicClient({
      chain: toViemChain({ ...config, rpcUrl: config.serverRpcUrl }),
      transport: http(config.serverRpcUrl, { batch: { batchSize: RPC_BATCH_SIZE, wait: 0 }, retryCount: 1, timeout: 20_000 }),
    });
  }
  return client;
}

/** The collaborator directory (records with reputation, services and live certificates) as of the latest block. */
export function readDirectory(): Promise<DirectorySnapshot> {
  if (!reader) reader = new DirectoryReader(publicClient(), serverConfig().deployments);
  return reader.read();
}

/** Latest block number (used by live views to know when to refresh). */
export function readHead(): Promise<bigint> {
  return publicClient().getBlockNumber({ cacheTime: 0 });
}

function failure(error: unknown): { ok: false; error: string } {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return { ok: false, error: message };
}

/** The directory, or why it could not be read (pages show a banner instead of failing). */
export async function tryReadDirectory(): Promise<{ ok: true; snapshot: DirectorySnapshot } | { ok: false; error: string }> {
  try {
    return { ok: true, snapshot: await readDirectory() };
  } catch (error) {
    return failure(error);
  }
}

/** The directory with every collaborator's rating, level, services and certification, as of one block. */
export async function readDirectoryRecords(): Promise<{ snapshot: DirectorySnapshot; records: DirectoryRecord[] }> {
  const snapshot = await readDirectory();
  if (enriched?.snapshot !== snapshot) enriched = { snapshot, records: toDirectoryRecords(snapshot) };
  return { snapshot, records: enriched.records };
}

/** The enriched directory, or why it could not be read. */
export async function tryReadDirectoryRecords(): Promise<{ ok: true; snapshot: DirectorySnapshot; records: DirectoryRecord[] } | { ok: false; error: string }> {
  try {
    return { ok: true, ...(await readDirectoryRecords()) };
  } catch (error) {
    return failure(error);
  }
}
