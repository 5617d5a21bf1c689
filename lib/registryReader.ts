// Reads the collaborator directory from the chain with a handful of batched calls and keeps it
// until a new block: then only the records named in that block range's events are read again.
// Shared by the web server (lib/server/data.ts) and the benchmarks; a later issue may swap it for
// an indexer behind the same `DirectorySnapshot` shape.
import { type Address, type PublicClient, parseAbiItem } from 'viem';
import { collaboratorRegistryAbi } from './generated/abis';
import { fromRaw, type Collaborator } from './collaborators';

/** Matches CollaboratorRegistry.MAX_PAGE_SIZE. */
export const REGISTRY_PAGE_SIZE = 500;
/**
 * Calls per JSON-RPC batch. A page of 500 records is at most ~1 MB of hex (names ≤ 64 bytes, URIs
 * ≤ 256 bytes); viem refuses response bodies over 10 MiB, so 8 pages per HTTP request is safe.
 */
export const RPC_BATCH_SIZE = 8;
/** Past this many blocks since the last read, reload everything instead of scanning logs. */
const MAX_LOG_RANGE = 5_000n;

export interface RegistryStats {
  members: number;
  active: number;
  byKind: readonly [number, number, number, number];
  totalBonded: bigint;
  totalUnbonding: bigint;
}

export interface DirectorySnapshot {
  block: bigint;
  records: Collaborator[];
  byAccount: Map<string, Collaborator>;
  stats: RegistryStats;
  minBond: bigint;
}

function toStats(raw: {
  members: number;
  active: number;
  byKind: readonly number[];
  totalBonded: bigint;
  totalUnbonding: bigint;
}): RegistryStats {
  const [service = 0, rating = 0, oracle = 0, agent = 0] = raw.byKind;
  return {
    members: raw.members,
    active: raw.active,
    byKind: [service, rating, oracle, agent],
    totalBonded: raw.totalBonded,
    totalUnbonding: raw.totalUnbonding,
  };
}

function index(records: Collaborator[], block: bigint, stats: RegistryStats, minBond: bigint): DirectorySnapshot {
  return { block, records, byAccount: new Map(records.map((c) => [c.account.toLowerCase(), c])), stats, minBond };
}

/** Every registry event that changes a record carries the account as its first indexed topic. */
const recordEvents = [
  parseAbiItem('event Joined(address indexed account, uint8 kinds, string name, uint256 bond)'),
  parseAbiItem('event Updated(address indexed account, uint8 kinds, string name, string profileURI, string sourceURI, bytes32 sourceHash)'),
  parseAbiItem('event BondAdded(address indexed account, uint256 amount, uint256 bond)'),
  parseAbiItem('event Left(address indexed account, uint64 unbondingEndsAt)'),
  parseAbiItem('event Withdrawn(address indexed account, uint256 amount)'),
  parseAbiItem('event Slashed(address indexed account, uint256 amount, address indexed to)'),
  parseAbiItem('event Suspended(address indexed account, string reason)'),
  parseAbiItem('event Reinstated(address indexed account)'),
] as const;

export class RegistryReader {
  private snapshot: DirectorySnapshot | null = null;
  private inflight: Promise<DirectorySnapshot> | null = null;

  constructor(
    private readonly client: PublicClient,
    private readonly registry: Address,
  ) {}

  /** The directory as of the latest block; concurrent callers share one refresh. */
  read(): Promise<DirectorySnapshot> {
    if (!this.inflight) {
      this.inflight = this.refresh().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async refresh(): Promise<DirectorySnapshot> {
    const head = await this.client.getBlockNumber({ cacheTime: 0 });
    const previous = this.snapshot;
    if (previous && previous.block === head) return previous;
    const next =
      previous && head > previous.block && head - previous.block <= MAX_LOG_RANGE
        ? await this.readChanges(previous, head)
        : await this.readAll(head);
    this.snapshot = next;
    return next;
  }

  private readHeader(blockNumber: bigint) {
    const contract = { address: this.registry, abi: collaboratorRegistryAbi, blockNumber } as const;
    return Promise.all([
      this.client.readContract({ ...contract, functionName: 'count' }),
      this.client.readContract({ ...contract, functionName: 'stats' }),
      this.client.readContract({ ...contract, functionName: 'minBond' }),
    ]);
  }

  private async readRange(from: number, to: number, blockNumber: bigint): Promise<Collaborator[]> {
    const calls: Promise<Collaborator[]>[] = [];
    for (let offset = from; offset < to; offset += REGISTRY_PAGE_SIZE) {
      const limit = Math.min(REGISTRY_PAGE_SIZE, to - offset);
      calls.push(
        this.client
          .readContract({
            address: this.registry,
            abi: collaboratorRegistryAbi,
            functionName: 'page',
            args: [BigInt(offset), BigInt(limit)],
            blockNumber,
          })
          .then((raws) => raws.map((raw, i) => fromRaw(raw, offset + i))),
      );
    }
    return (await Promise.all(calls)).flat();
  }

  private async readAll(head: bigint): Promise<DirectorySnapshot> {
    const [count, stats, minBond] = await this.readHeader(head);
    const records = await this.readRange(0, Number(count), head);
    return index(records, head, toStats(stats), minBond);
  }

  private async readChanges(previous: DirectorySnapshot, head: bigint): Promise<DirectorySnapshot> {
    const [[count, stats, minBond], logs] = await Promise.all([
      this.readHeader(head),
      this.client.getLogs({ address: this.registry, events: recordEvents, fromBlock: previous.block + 1n, toBlock: head }),
    ]);
    const known = previous.records.length;
    const changed = [...new Set(logs.map((log) => log.args.account?.toLowerCase()).filter((a): a is string => !!a))]
      .map((account) => previous.byAccount.get(account))
      .filter((c): c is Collaborator => c !== undefined);
    if (changed.length === 0 && Number(count) === known) {
      return { ...previous, block: head, stats: toStats(stats), minBond };
    }
    const [added, refreshed] = await Promise.all([
      this.readRange(known, Number(count), head),
      this.readMany(changed, head),
    ]);
    const records = previous.records.slice();
    for (const c of refreshed) records[c.index] = c;
    records.push(...added);
    return index(records, head, toStats(stats), minBond);
  }

  private async readMany(records: Collaborator[], blockNumber: bigint): Promise<Collaborator[]> {
    const out: Collaborator[] = [];
    for (let i = 0; i < records.length; i += REGISTRY_PAGE_SIZE) {
      const chunk = records.slice(i, i + REGISTRY_PAGE_SIZE);
      const raws = await this.client.readContract({
        address: this.registry,
        abi: collaboratorRegistryAbi,
        functionName: 'getMany',
        args: [chunk.map((c) => c.account)],
        blockNumber,
      });
      raws.forEach((raw, j) => out.push(fromRaw(raw, chunk[j]!.index)));
    }
    return out;
  }
}
