// Reads the collaborator directory — registry records with their reputation, active services and
// live certificates — through the DirectoryLens contract, and keeps it until a new block.
//
// Cold: one page at the latest block tells the count and the block; every other page then goes out
// pinned to that block, concurrently, so viem sends them as one JSON-RPC batch (up to 8 calls per
// HTTP request): 1,000 collaborators are two HTTP requests, 10,000 are seven (run concurrently).
// Warm (no new block): one eth_blockNumber. New block: one batch with the logs of the four modules
// since the last read and the page after the known records (which also carries the header), then
// the accounts those logs name are read again with `getMany`.
//
// Shared by the web server (lib/server/data.ts), the benchmarks and the tests.
import { parseAbiItem, type Address, type BlockNumber, type PublicClient } from 'viem';
import type { Deployments } from './chain';
import { fromRaw, type Collaborator, type RawCollaborator } from './collaborators';
import { directoryLensAbi } from './generated/abis';

/**
 * Collaborators per lens call. A page costs ~53k gas per collaborator (~97k with the longest names
 * and URIs; contracts/test/DirectoryLens.t.sol): 200 stay under 20M gas, within a default anvil's
 * 30M and geth's 50M eth_call caps, and under 0.6 MB of JSON, so a batch of 8 pages stays far
 * below viem's 10 MiB response limit.
 */
export const LENS_PAGE_SIZE = 200;
/** Calls per JSON-RPC batch (one HTTP request). */
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

/** A certificate that was neither revoked nor expired when read; validity also needs its issuer in good standing. */
export interface LiveCertificate {
  id: bigint;
  /** Lower-case address. */
  issuer: string;
  expiresAt: number;
}

/** A registry record with what the directory shows about the collaborator's work. */
export interface DirectoryEntry extends Collaborator {
  xp: bigint;
  level: number;
  ratingCount: number;
  ratingSum: number;
  /** Services listed and taking orders. */
  activeServices: number;
  certificates: readonly LiveCertificate[];
}

export interface DirectorySnapshot {
  block: bigint;
  /** Chain time of `block` (certificate expiry is judged against it). */
  time: number;
  records: DirectoryEntry[];
  /** By lower-case address. */
  byAccount: Map<string, DirectoryEntry>;
  stats: RegistryStats;
  minBond: bigint;
}

interface LensHeader {
  blockNumber: bigint;
  timestamp: bigint;
  count: bigint;
  stats: { members: number; active: number; byKind: readonly number[]; totalBonded: bigint; totalUnbonding: bigint };
  minBond: bigint;
}

interface LensEntry {
  record: RawCollaborator;
  xp: bigint;
  level: number;
  ratingCount: bigint;
  ratingSum: bigint;
  activeServices: bigint;
  certificates: readonly { id: bigint; issuer: Address; expiresAt: bigint }[];
}

type LensResult = readonly [LensHeader, readonly LensEntry[]];

export type DirectoryContracts = Pick<Deployments, 'DirectoryLens' | 'CollaboratorRegistry' | 'Reputation' | 'Marketplace' | 'Certificates'>;

// Every event that changes what the lens returns for an account, by emitting contract.
const registryEvents = [
  parseAbiItem('event Joined(address indexed account, uint8 kinds, string name, uint256 bond)'),
  parseAbiItem('event Updated(address indexed account, uint8 kinds, string name, string profileURI, string sourceURI, bytes32 sourceHash)'),
  parseAbiItem('event BondAdded(address indexed account, uint256 amount, uint256 bond)'),
  parseAbiItem('event Left(address indexed account, uint64 unbondingEndsAt)'),
  parseAbiItem('event Withdrawn(address indexed account, uint256 amount)'),
  parseAbiItem('event Slashed(address indexed account, uint256 amount, address indexed to)'),
  parseAbiItem('event Suspended(address indexed account, string reason)'),
  parseAbiItem('event Reinstated(address indexed account)'),
] as const;
const reputationEvents = [
  parseAbiItem('event Rated(uint256 indexed orderId, address indexed seller, address indexed buyer, uint8 stars, string reviewURI)'),
  parseAbiItem('event SettlementRecorded(uint256 indexed orderId, address indexed seller, address indexed buyer, uint256 sellerXp, uint256 buyerXp, uint256 deal)'),
  parseAbiItem('event DisputeLossRecorded(uint256 indexed orderId, address indexed loser, uint256 xpRemoved)'),
] as const;
const marketEvents = [
  parseAbiItem('event ServiceListed(uint256 indexed serviceId, address indexed seller, uint256 price, uint32 deliveryWindow, string title, string metadataURI)'),
  parseAbiItem('event ServiceActiveSet(uint256 indexed serviceId, address indexed seller, bool active)'),
] as const;
const certificateEvents = [
  parseAbiItem('event Issued(uint256 indexed id, address indexed issuer, address indexed subject, uint8 level, uint64 expiresAt, string evidenceURI)'),
  parseAbiItem('event Revoked(uint256 indexed id, address indexed by, string reason)'),
] as const;
const watchedEvents = [...registryEvents, ...reputationEvents, ...marketEvents, ...certificateEvents] as const;
const eventNames = {
  registry: new Set<string>(registryEvents.map((e) => e.name)),
  reputation: new Set<string>(reputationEvents.map((e) => e.name)),
  market: new Set<string>(marketEvents.map((e) => e.name)),
  certificates: new Set<string>(certificateEvents.map((e) => e.name)),
};

/** A watched log as the reader needs it: who emitted it, which event, and its decoded arguments. */
export interface WatchedLog {
  address: string;
  eventName: string;
  args: Partial<Record<'account' | 'seller' | 'buyer' | 'loser' | 'subject', string>> & { id?: bigint };
}

/**
 * The lower-case accounts whose lens entry the logs may have changed. Events are matched to the
 * contract that emitted them (the registry and the marketplace both have a `Withdrawn`); a
 * revocation names only the certificate, so `holderOf` maps it to the holder it was read for.
 */
export function accountsNamed(logs: readonly WatchedLog[], contracts: DirectoryContracts, holderOf: (certificateId: bigint) => string | undefined): Set<string> {
  const out = new Set<string>();
  const add = (a: string | undefined) => a && out.add(a.toLowerCase());
  for (const log of logs) {
    const from = log.address.toLowerCase();
    const { args } = log;
    if (from === contracts.CollaboratorRegistry.toLowerCase() && eventNames.registry.has(log.eventName)) add(args.account);
    else if (from === contracts.Reputation.toLowerCase() && eventNames.reputation.has(log.eventName)) {
      add(args.seller);
      if (log.eventName !== 'Rated') add(args.buyer); // a rating changes only the seller's summary
      add(args.loser);
    } else if (from === contracts.Marketplace.toLowerCase() && eventNames.market.has(log.eventName)) add(args.seller);
    else if (from === contracts.Certificates.toLowerCase() && eventNames.certificates.has(log.eventName)) {
      if (log.eventName === 'Issued') add(args.subject);
      else if (args.id !== undefined) add(holderOf(args.id));
    }
  }
  return out;
}

function toStats(raw: LensHeader['stats']): RegistryStats {
  const [service = 0, rating = 0, oracle = 0, agent = 0] = raw.byKind;
  return { members: raw.members, active: raw.active, byKind: [service, rating, oracle, agent], totalBonded: raw.totalBonded, totalUnbonding: raw.totalUnbonding };
}

function toEntry(raw: LensEntry, index: number): DirectoryEntry {
  return {
    ...fromRaw(raw.record, index),
    xp: raw.xp,
    level: raw.level,
    ratingCount: Number(raw.ratingCount),
    ratingSum: Number(raw.ratingSum),
    activeServices: Number(raw.activeServices),
    certificates: raw.certificates.map((c) => ({ id: c.id, issuer: c.issuer.toLowerCase(), expiresAt: Number(c.expiresAt) })),
  };
}

function snapshotOf(header: LensHeader, records: DirectoryEntry[]): DirectorySnapshot {
  return {
    block: header.blockNumber,
    time: Number(header.timestamp),
    records,
    byAccount: new Map(records.map((c) => [c.account.toLowerCase(), c])),
    stats: toStats(header.stats),
    minBond: header.minBond,
  };
}

export class DirectoryReader {
  private snapshot: DirectorySnapshot | null = null;
  private inflight: Promise<DirectorySnapshot> | null = null;

  constructor(
    private readonly client: PublicClient,
    private readonly contracts: DirectoryContracts,
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
    const previous = this.snapshot;
    let next: DirectorySnapshot;
    if (!previous) {
      next = await this.readAll(undefined);
    } else {
      const head = await this.client.getBlockNumber({ cacheTime: 0 });
      if (head === previous.block) return previous;
      next =
        head > previous.block && head - previous.block <= MAX_LOG_RANGE ? await this.readChanges(previous, head) : await this.readAll(head);
    }
    this.snapshot = next;
    return next;
  }

  private page(offset: number, blockNumber: BlockNumber | undefined): Promise<LensResult> {
    return this.client.readContract({
      address: this.contracts.DirectoryLens,
      abi: directoryLensAbi,
      functionName: 'page',
      args: [BigInt(offset), BigInt(LENS_PAGE_SIZE)],
      blockNumber,
    });
  }

  private getMany(accounts: readonly Address[], blockNumber: BlockNumber): Promise<LensResult> {
    return this.client.readContract({ address: this.contracts.DirectoryLens, abi: directoryLensAbi, functionName: 'getMany', args: [accounts], blockNumber });
  }

  /** Pages from `from` to `to` (exclusive) at `blockNumber`, concurrently (one JSON-RPC batch). */
  private async pages(from: number, to: number, blockNumber: BlockNumber): Promise<DirectoryEntry[]> {
    const calls: Promise<DirectoryEntry[]>[] = [];
    for (let offset = from; offset < to; offset += LENS_PAGE_SIZE) {
      calls.push(this.page(offset, blockNumber).then(([, entries]) => entries.map((e, i) => toEntry(e, offset + i))));
    }
    return (await Promise.all(calls)).flat();
  }

  /** Everything, at `head` or (cold) at the latest block, which the first page reports. */
  private async readAll(head: BlockNumber | undefined): Promise<DirectorySnapshot> {
    const [header, first] = await this.page(0, head);
    const records = first.map((e, i) => toEntry(e, i));
    records.push(...(await this.pages(LENS_PAGE_SIZE, Number(header.count), header.blockNumber)));
    return snapshotOf(header, records);
  }

  private async readChanges(previous: DirectorySnapshot, head: bigint): Promise<DirectorySnapshot> {
    const known = previous.records.length;
    const [logs, [header, firstNew]] = await Promise.all([
      this.client.getLogs({
        address: [this.contracts.CollaboratorRegistry, this.contracts.Reputation, this.contracts.Marketplace, this.contracts.Certificates],
        events: watchedEvents,
        fromBlock: previous.block + 1n,
        toBlock: head,
      }),
      this.page(known, head),
    ]);
    const count = Number(header.count);
    if (count < known) return this.readAll(head); // not the chain we read before
    const holders = new Map<bigint, string>();
    for (const c of previous.records) for (const cert of c.certificates) holders.set(cert.id, c.account.toLowerCase());
    const changed = [...accountsNamed(logs as readonly WatchedLog[], this.contracts, (id) => holders.get(id))]
      .map((account) => previous.byAccount.get(account))
      .filter((c): c is DirectoryEntry => c !== undefined);
    if (changed.length === 0 && count === known) {
      return { ...previous, block: header.blockNumber, time: Number(header.timestamp), stats: toStats(header.stats), minBond: header.minBond };
    }

    const calls: Promise<DirectoryEntry[]>[] = [this.pages(known + LENS_PAGE_SIZE, count, head)];
    for (let i = 0; i < changed.length; i += LENS_PAGE_SIZE) {
      const chunk = changed.slice(i, i + LENS_PAGE_SIZE);
      calls.push(this.getMany(chunk.map((c) => c.account), head).then(([, entries]) => entries.map((e, j) => toEntry(e, chunk[j]!.index))));
    }
    const [added, ...refreshed] = await Promise.all(calls);
    const records = previous.records.slice();
    for (const c of refreshed.flat()) records[c.index] = c;
    records.push(...firstNew.map((e, i) => toEntry(e, known + i)), ...added!);
    return snapshotOf(header, records);
  }
}
