// Server reads of the marketplace, reputation and certificates for the profile and service pages.
// Every read of one page is issued concurrently, so viem sends them as one JSON-RPC batch.
import 'server-only';
import { parseAbiItem, type Address } from 'viem';
import { moduleAbis } from '../modules';
import type { Service } from '../market';
import { serverConfig } from './config';
import { publicClient } from './data';

export interface Certificate {
  id: bigint;
  subject: Address;
  issuer: Address;
  level: number;
  revoked: boolean;
  issuedAt: number;
  expiresAt: number;
  valid: boolean;
}

export interface CollaboratorMarket {
  services: Service[];
  xp: bigint;
  level: number;
  levelXp: bigint;
  nextLevelXp: bigint | null;
  /** Ratings by stars: index 0 = 1 star … index 4 = 5 stars. */
  histogram: number[];
  certificates: Certificate[];
  /** Latest reviews first (from Rated events). */
  reviews: Review[];
  /** Orders with this collaborator as seller, by outcome (from events). */
  orderCounts: { settled: number; refunded: number; disputed: number };
}

export interface Review {
  orderId: bigint;
  buyer: Address;
  stars: number;
  reviewURI: string;
}

const MAX_REVIEWS = 20;
const rated = parseAbiItem('event Rated(uint256 indexed orderId, address indexed seller, address indexed buyer, uint8 stars, string reviewURI)');
const settled = parseAbiItem('event OrderSettled(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 payout, uint256 fee, bool byBuyer)');
const refunded = parseAbiItem('event OrderRefunded(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 amount)');
const disputed = parseAbiItem('event OrderDisputed(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 disputeId, string reasonURI)');

function contracts() {
  const { deployments } = serverConfig();
  return {
    market: { address: deployments.Marketplace, abi: moduleAbis.Marketplace },
    reputation: { address: deployments.Reputation, abi: moduleAbis.Reputation },
    certificates: { address: deployments.Certificates, abi: moduleAbis.Certificates },
  } as const;
}

const MAX_LEVEL = 50;

/** Services, reputation and certificates of one collaborator, in two batched round trips. */
export async function readCollaboratorMarket(account: Address): Promise<CollaboratorMarket> {
  const client = publicClient();
  const c = contracts();
  const fromBlock = BigInt(serverConfig().deployments.deployBlock);
  const [serviceIds, profile, certificateIds, ratedLogs, settledLogs, refundedLogs, disputedLogs] = await Promise.all([
    client.readContract({ ...c.market, functionName: 'servicesOf', args: [account] }),
    client.readContract({ ...c.reputation, functionName: 'profileOf', args: [account] }),
    client.readContract({ ...c.certificates, functionName: 'certificatesOf', args: [account] }),
    client.getLogs({ address: c.reputation.address, event: rated, args: { seller: account }, fromBlock }),
    client.getLogs({ address: c.market.address, event: settled, args: { seller: account }, fromBlock }),
    client.getLogs({ address: c.market.address, event: refunded, args: { seller: account }, fromBlock }),
    client.getLogs({ address: c.market.address, event: disputed, args: { seller: account }, fromBlock }),
  ]);
  const level = profile.level;
  const [services, certificates, levelXp, nextLevelXp] = await Promise.all([
    Promise.all(serviceIds.map((id) => client.readContract({ ...c.market, functionName: 'getService', args: [id] }))),
    certificateIds.length === 0
      ? Promise.resolve([])
      : client.readContract({ ...c.certificates, functionName: 'getCertificates', args: [certificateIds] }),
    client.readContract({ ...c.reputation, functionName: 'xpForLevel', args: [level] }),
    level >= MAX_LEVEL ? Promise.resolve(null) : client.readContract({ ...c.reputation, functionName: 'xpForLevel', args: [level + 1] }),
  ]);
  return {
    services: services.map(toService),
    xp: profile.xp,
    level,
    levelXp,
    nextLevelXp,
    histogram: profile.rating.stars.map(Number),
    reviews: ratedLogs
      .slice(-MAX_REVIEWS)
      .reverse()
      .map((log) => ({ orderId: log.args.orderId!, buyer: log.args.buyer!, stars: log.args.stars!, reviewURI: log.args.reviewURI ?? '' })),
    orderCounts: { settled: settledLogs.length, refunded: refundedLogs.length, disputed: disputedLogs.length },
    certificates: certificates.map((cert) => ({
      id: cert.id,
      subject: cert.subject,
      issuer: cert.issuer,
      level: cert.level,
      revoked: cert.revoked,
      issuedAt: Number(cert.issuedAt),
      expiresAt: Number(cert.expiresAt),
      valid: cert.valid,
    })),
  };
}

/** One service, or null when there is none with that id. */
export async function readService(id: bigint): Promise<{ service: Service; reviewWindow: number; feeBps: number } | null> {
  const client = publicClient();
  const c = contracts();
  const [count, reviewWindow, feeBps] = await Promise.all([
    client.readContract({ ...c.market, functionName: 'serviceCount' }),
    client.readContract({ ...c.market, functionName: 'reviewWindow' }),
    client.readContract({ ...c.market, functionName: 'feeBps' }),
  ]);
  if (id < 1n || id > count) return null;
  const raw = await client.readContract({ ...c.market, functionName: 'getService', args: [id] });
  return { service: toService(raw), reviewWindow: Number(reviewWindow), feeBps: Number(feeBps) };
}

function toService(raw: { id: bigint; seller: Address; deliveryWindow: number; price: bigint; active: boolean; title: string; metadataURI: string }): Service {
  return {
    id: raw.id,
    seller: raw.seller,
    deliveryWindow: Number(raw.deliveryWindow),
    price: raw.price,
    active: raw.active,
    title: raw.title,
    metadataURI: raw.metadataURI,
  };
}
