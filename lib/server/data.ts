// The server's one data-access layer: every page reads the chain through here.
import 'server-only';
import { createPublicClient, http, type PublicClient } from 'viem';
import { toViemChain } from '../chain';
import { RPC_BATCH_SIZE, RegistryReader, type DirectorySnapshot } from '../registryReader';
import { serverConfig } from './config';

let reader: RegistryReader | null = null;
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

/** The collaborator directory as of the latest block. */
export function readDirectory(): Promise<DirectorySnapshot> {
  if (!reader) reader = new RegistryReader(publicClient(), serverConfig().deployments.CollaboratorRegistry);
  return reader.read();
}

/** Latest block number (used by live views to know when to refresh). */
export function readHead(): Promise<bigint> {
  return publicClient().getBlockNumber({ cacheTime: 0 });
}

/** The directory, or why it could not be read (pages show a banner instead of failing). */
export async function tryReadDirectory(): Promise<{ ok: true; snapshot: DirectorySnapshot } | { ok: false; error: string }> {
  try {
    return { ok: true, snapshot: await readDirectory() };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return { ok: false, error: message };
  }
}
