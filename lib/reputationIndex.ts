// Ratings, levels and valid certificates of every collaborator, for the directory's filters and
// sorts. Read in batches (profilesOf: 500 accounts per eth_call) and from certificate events, then
// kept until a new block, when only the accounts named in new Reputation events are read again.
import { parseAbiItem, type Address, type PublicClient } from 'viem';
import type { Deployments } from './chain';
import { moduleAbis } from './modules';

const BATCH = 500;
const MAX_LOG_RANGE = 5_000n;

export interface ReputationEntry {
  xp: bigint;
  level: number;
  ratingCount: number;
  ratingSum: number;
}

interface CertificateEntry {
  subject: string;
  issuer: string;
  expiresAt: number;
  revoked: boolean;
}

export interface ReputationSnapshot {
  block: bigint;
  /** Chain time of `block`, for certificate expiry. */
  time: number;
  profiles: Map<string, ReputationEntry>;
  certificates: Map<bigint, CertificateEntry>;
}

const reputationEvents = [
  parseAbiItem('event Rated(uint256 indexed orderId, address indexed seller, address indexed buyer, uint8 stars, string reviewURI)'),
  parseAbiItem('event SettlementRecorded(uint256 indexed orderId, address indexed seller, address indexed buyer, uint256 sellerXp, uint256 buyerXp, uint256 deal)'),
  parseAbiItem('event DisputeLossRecorded(uint256 indexed orderId, address indexed loser, uint256 xpRemoved)'),
] as const;
const issued = parseAbiItem('event Issued(uint256 indexed id, address indexed issuer, address indexed subject, uint8 level, uint64 expiresAt, string evidenceURI)');
const revoked = parseAbiItem('event Revoked(uint256 indexed id, address indexed by, string reason)');

export class ReputationIndex {
  private snapshot: ReputationSnapshot | null = null;

  constructor(
    private readonly client: PublicClient,
    private readonly deployments: Pick<Deployments, 'Reputation' | 'Certificates' | 'deployBlock'>,
  ) {}

  /** The index as of block `head`, covering at least `accounts`. */
  async read(head: bigint, accounts: readonly Address[]): Promise<ReputationSnapshot> {
    const previous = this.snapshot;
    if (previous && previous.block === head && previous.profiles.size >= accounts.length) return previous;
    const incremental = previous && head > previous.block && head - previous.block <= MAX_LOG_RANGE;
    const from = incremental ? previous.block + 1n : BigInt(this.deployments.deployBlock);
    const [block, repLogs, issuedLogs, revokedLogs] = await Promise.all([
      this.client.getBlock({ blockNumber: head }),
      incremental
        ? this.client.getLogs({ address: this.deployments.Reputation, events: reputationEvents, fromBlock: from, toBlock: head })
        : Promise.resolve([]),
      this.client.getLogs({ address: this.deployments.Certificates, event: issued, fromBlock: from, toBlock: head }),
      this.client.getLogs({ address: this.deployments.Certificates, event: revoked, fromBlock: from, toBlock: head }),
    ]);
    const profiles = incremental ? new Map(previous.profiles) : new Map<string, ReputationEntry>();
    const certificates = incremental ? new Map(previous.certificates) : new Map<bigint, CertificateEntry>();

    const stale = new Set<string>();
    for (const log of repLogs) {
      const args = log.args as { seller?: Address; buyer?: Address; loser?: Address };
      for (const a of [args.seller, args.buyer, args.loser]) if (a) stale.add(a.toLowerCase());
    }
    for (const a of accounts) if (!profiles.has(a.toLowerCase())) stale.add(a.toLowerCase());
    const toRead = [...stale] as Address[];
    const chunks: Promise<void>[] = [];
    for (let i = 0; i < toRead.length; i += BATCH) {
      const chunk = toRead.slice(i, i + BATCH);
      chunks.push(
        this.client
          .readContract({ address: this.deployments.Reputation, abi: moduleAbis.Reputation, functionName: 'profilesOf', args: [chunk], blockNumber: head })
          .then((rows) =>
            rows.forEach((p, j) =>
              profiles.set(chunk[j]!.toLowerCase(), { xp: p.xp, level: p.level, ratingCount: Number(p.rating.count), ratingSum: Number(p.rating.sum) }),
            ),
          ),
      );
    }
    await Promise.all(chunks);
    for (const log of issuedLogs) {
      certificates.set(log.args.id!, {
        subject: log.args.subject!.toLowerCase(),
        issuer: log.args.issuer!.toLowerCase(),
        expiresAt: Number(log.args.expiresAt!),
        revoked: false,
      });
    }
    for (const log of revokedLogs) {
      const cert = certificates.get(log.args.id!);
      if (cert) certificates.set(log.args.id!, { ...cert, revoked: true });
    }
    this.snapshot = { block: head, time: Number(block.timestamp), profiles, certificates };
    return this.snapshot;
  }
}

/** Accounts holding at least one certificate that is unrevoked, unexpired and from an issuer in good standing. */
export function certifiedAccounts(snapshot: ReputationSnapshot, issuerInGoodStanding: (issuer: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const cert of snapshot.certificates.values()) {
    if (!cert.revoked && cert.expiresAt > snapshot.time && issuerInGoodStanding(cert.issuer)) out.add(cert.subject);
  }
  return out;
}
