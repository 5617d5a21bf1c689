// The server's one data-access layer: every page reads the chain through here.
import 'server-only';
import { createPublicClient, http, type PublicClient } from 'viem';
import { toViemChain } from '../chain';
import type { DirectoryRecord } from '../directory';
import { RPC_BATCH_SIZE, RegistryReader, type DirectorySnapshot } from '../registryReader';
import { ReputationIndex, certifiedAccounts, type ReputationSnapshot } from '../reputationIndex';
import { serverConfig } from './config';

let reader: RegistryReader | null = null;
let reputation: ReputationIndex | null = null;
/** The last enriched directory, reused while neither snapshot changed (no new block). */
let enriched: { snapshot: DirectorySnapshot; index: ReputationSnapshot; records: DirectoryRecord[] } | null = null;
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

/** The directory with every collaborator's rating, level and certification, as of the same block. */
export async function readDirectoryRecords(): Promise<{ snapshot: DirectorySnapshot; records: DirectoryRecord[] }> {
  const snapshot = await readDirectory();
  if (!reputation) reputation = new ReputationIndex(publicClient(), serverConfig().deployments);
  const index = await reputation.read(snapshot.block, snapshot.records.map((c) => c.account));
  if (enriched && enriched.snapshot === snapshot && enriched.index === index) return { snapshot, records: enriched.records };
  const inGoodStanding = (issuer: string) => {
    const c = snapshot.byAccount.get(issuer);
    return !!c && c.status === 'active' && c.bond >= snapshot.minBond;
  };
  const certified = certifiedAccounts(index, inGoodStanding);
  const records = snapshot.records.map((c): DirectoryRecord => {
    const key = c.account.toLowerCase();
    const p = index.profiles.get(key);
    const ratingCount = p?.ratingCount ?? 0;
    return {
      ...c,
      ratingCount,
      ratingAverage: ratingCount === 0 ? 0 : (p?.ratingSum ?? 0) / ratingCount,
      level: p?.level ?? 0,
      certified: certified.has(key),
    };
  });
  enriched = { snapshot, index, records };
  return { snapshot, records };
}

/** The enriched directory, or why it could not be read. */
export async function tryReadDirectoryRecords(): Promise<{ ok: true; snapshot: DirectorySnapshot; records: DirectoryRecord[] } | { ok: false; error: string }> {
  try {
    return { ok: true, ...(await readDirectoryRecords()) };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return { ok: false, error: message };
  }
}
