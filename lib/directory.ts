// The directory's query model: parsing URL parameters and filtering, sorting and paging records.
// Pure functions, shared by the server page and the benchmarks, tested in directory.test.ts.
import { kindBit, type Collaborator, type StatusKey, STATUSES } from './collaborators';
import type { DirectorySnapshot, LiveCertificate } from './directoryReader';

export const SORTS = ['newest', 'oldest', 'bond', 'name', 'rating', 'level'] as const;
export type SortKey = (typeof SORTS)[number];
export const STATUS_FILTERS = ['any', 'active', 'suspended', 'unbonding', 'exited'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const PAGE_SIZE = 24;
const MAX_QUERY_LENGTH = 64;

/** A registry record with its reputation, as the directory lists it. */
export interface DirectoryRecord extends Collaborator {
  ratingCount: number;
  /** 0 when unrated. */
  ratingAverage: number;
  level: number;
  /** Services listed and taking orders. */
  activeServices: number;
  /** Holds a valid certificate. */
  certified: boolean;
}

/** CollaboratorRegistry.isInGoodStanding: Active with at least the minimum bond. */
export function inGoodStanding(c: Pick<Collaborator, 'status' | 'bond'> | undefined, minBond: bigint): boolean {
  return !!c && c.status === 'active' && c.bond >= minBond;
}

/**
 * Whether any of `certificates` (read unrevoked; a later revocation re-reads the holder) is valid
 * at chain time `time` as Certificates.isValid has it: not yet expired, issuer in good standing.
 */
export function holdsValidCertificate(
  certificates: readonly LiveCertificate[],
  time: number,
  issuerInGoodStanding: (issuer: string) => boolean,
): boolean {
  return certificates.some((cert) => cert.expiresAt > time && issuerInGoodStanding(cert.issuer));
}

/** The directory's records — rating average, level, active services, certification — from a snapshot. */
export function toDirectoryRecords(snapshot: Pick<DirectorySnapshot, 'records' | 'byAccount' | 'minBond' | 'time'>): DirectoryRecord[] {
  const issuerInGoodStanding = (issuer: string) => inGoodStanding(snapshot.byAccount.get(issuer), snapshot.minBond);
  return snapshot.records.map(({ xp: _xp, ratingSum, certificates, ...c }): DirectoryRecord => ({
    ...c,
    ratingAverage: c.ratingCount === 0 ? 0 : ratingSum / c.ratingCount,
    certified: holdsValidCertificate(certificates, snapshot.time, issuerInGoodStanding),
  }));
}

export interface DirectoryQuery {
  q: string;
  kind: string; // 'any' or a kind key
  status: StatusFilter;
  certified: boolean;
  sort: SortKey;
  page: number; // 1-based
}

export const DEFAULT_QUERY: DirectoryQuery = { q: '', kind: 'any', status: 'any', certified: false, sort: 'newest', page: 1 };

type Params = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads a query from URL search parameters; anything unknown falls back to the default. */
export function parseQuery(params: Params): DirectoryQuery {
  const kind = first(params.kind);
  const page = Number.parseInt(first(params.page) ?? '1', 10);
  return {
    q: (first(params.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    kind: kind && kindBit(kind) !== null ? kind : 'any',
    status: oneOf(first(params.status), STATUS_FILTERS, 'any'),
    certified: first(params.certified) === '1',
    sort: oneOf(first(params.sort), SORTS, 'newest'),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The URL search string for a query, leaving out defaults so URLs stay short and shareable. */
export function queryString(query: DirectoryQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind !== 'any') params.set('kind', query.kind);
  if (query.status !== 'any') params.set('status', query.status);
  if (query.certified) params.set('certified', '1');
  if (query.sort !== 'newest') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface DirectoryPage<T extends Collaborator = DirectoryRecord> {
  items: T[];
  total: number; // matching records
  page: number; // clamped page
  pageCount: number;
}

function compare(sort: SortKey): (a: DirectoryRecord, b: DirectoryRecord) => number {
  switch (sort) {
    case 'rating':
      return (a, b) => b.ratingAverage - a.ratingAverage || b.ratingCount - a.ratingCount || a.index - b.index;
    case 'level':
      return (a, b) => b.level - a.level || a.index - b.index;
    case 'newest':
      return (a, b) => b.joinedAt - a.joinedAt || b.index - a.index;
    case 'oldest':
      return (a, b) => a.joinedAt - b.joinedAt || a.index - b.index;
    case 'bond':
      return (a, b) => (a.bond === b.bond ? a.index - b.index : a.bond > b.bond ? -1 : 1);
    case 'name':
      return (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.index - b.index;
  }
}

/** Filters, sorts and pages `records` for `query`; the page is clamped into range. */
export function selectPage(records: readonly DirectoryRecord[], query: DirectoryQuery, pageSize = PAGE_SIZE): DirectoryPage {
  const needle = query.q.toLowerCase();
  const bit = query.kind === 'any' ? null : kindBit(query.kind);
  const status: StatusKey | null = query.status === 'any' ? null : (query.status as StatusKey);
  const matching = records.filter(
    (c) =>
      (bit === null || (c.kinds & bit) !== 0) &&
      (status === null || c.status === status) &&
      (!query.certified || c.certified) &&
      (needle === '' || c.name.toLowerCase().includes(needle) || c.account.toLowerCase().startsWith(needle)),
  );
  matching.sort(compare(query.sort));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page, pageCount);
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageCount,
  };
}

export { STATUSES };
