import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, holdsValidCertificate, inGoodStanding, parseQuery, queryString, selectPage, toDirectoryRecords, type DirectoryRecord } from './directory';
import type { DirectoryEntry } from './directoryReader';

function make(i: number, over: Partial<DirectoryRecord> = {}): DirectoryRecord {
  return {
    account: `0x${(i + 1).toString(16).padStart(40, '0')}`,
    kinds: 1,
    status: 'active',
    joinedAt: 1_000 + i,
    unbondingEndsAt: 0,
    bond: 10n ** 16n * BigInt(i + 1),
    name: `Collaborator ${i}`,
    profileURI: '',
    sourceURI: 'https://example.org/src',
    sourceHash: `0x${'0'.repeat(64)}`,
    index: i,
    ratingCount: 0,
    ratingAverage: 0,
    level: 0,
    activeServices: 0,
    certified: false,
    ...over,
  };
}

describe('parseQuery', () => {
  it('falls back to defaults for unknown values', () => {
    expect(parseQuery({ kind: 'wizard', status: 'dead', sort: 'random', page: '-3' })).toEqual(DEFAULT_QUERY);
  });
  it('reads valid values and trims the search', () => {
    expect(parseQuery({ q: '  atlas ', kind: 'oracle', status: 'suspended', certified: '1', sort: 'bond', page: '3' })).toEqual({
      q: 'atlas',
      kind: 'oracle',
      status: 'suspended',
      certified: true,
      sort: 'bond',
      page: 3,
    });
  });
  it('takes the first of repeated parameters and bounds the search length', () => {
    const q = parseQuery({ q: ['x'.repeat(200), 'y'], page: ['2', '9'] });
    expect(q.q).toHaveLength(64);
    expect(q.page).toBe(2);
  });
  it('round-trips through queryString, leaving out defaults', () => {
    expect(queryString(DEFAULT_QUERY)).toBe('');
    const query = { q: 'a b', kind: 'agent', status: 'active' as const, certified: true, sort: 'name' as const, page: 2 };
    const params = Object.fromEntries(new URLSearchParams(queryString(query).slice(1)));
    expect(parseQuery(params)).toEqual(query);
  });
});

describe('selectPage', () => {
  const records = [
    make(0, { name: 'Zeta Oracle', kinds: 4 }),
    make(1, { name: 'alpha service', kinds: 1, status: 'suspended' }),
    make(2, { name: 'Beta Agent', kinds: 8 | 4, status: 'unbonding' }),
    make(3, { name: 'gamma', kinds: 2, bond: 10n ** 20n }),
  ];

  it('filters by kind bit, status and case-insensitive name or address prefix', () => {
    expect(selectPage(records, { ...DEFAULT_QUERY, kind: 'oracle' }).items.map((c) => c.index)).toEqual([2, 0]);
    expect(selectPage(records, { ...DEFAULT_QUERY, status: 'suspended' }).items.map((c) => c.index)).toEqual([1]);
    expect(selectPage(records, { ...DEFAULT_QUERY, q: 'ALPHA' }).items.map((c) => c.index)).toEqual([1]);
    expect(selectPage(records, { ...DEFAULT_QUERY, q: records[3]!.account.slice(0, 42) }).total).toBe(1);
  });
  it('sorts newest, oldest, by bond and by name', () => {
    const order = (sort: 'newest' | 'oldest' | 'bond' | 'name') => selectPage(records, { ...DEFAULT_QUERY, sort }).items.map((c) => c.index);
    expect(order('newest')).toEqual([3, 2, 1, 0]);
    expect(order('oldest')).toEqual([0, 1, 2, 3]);
    expect(order('bond')).toEqual([3, 2, 1, 0]);
    expect(order('name')).toEqual([1, 2, 3, 0]);
  });
  it('sorts by rating and level and filters the certified', () => {
    const rated = [
      make(0, { ratingCount: 2, ratingAverage: 4.5, level: 1 }),
      make(1, { ratingCount: 9, ratingAverage: 4.5, level: 3, certified: true }),
      make(2, { ratingCount: 1, ratingAverage: 5, level: 0 }),
      make(3),
    ];
    expect(selectPage(rated, { ...DEFAULT_QUERY, sort: 'rating' }).items.map((c) => c.index)).toEqual([2, 1, 0, 3]);
    expect(selectPage(rated, { ...DEFAULT_QUERY, sort: 'level' }).items.map((c) => c.index)).toEqual([1, 0, 2, 3]);
    expect(selectPage(rated, { ...DEFAULT_QUERY, certified: true }).items.map((c) => c.index)).toEqual([1]);
  });
  it('pages and clamps an out-of-range page to the last one', () => {
    const many = Array.from({ length: 50 }, (_, i) => make(i));
    const page = selectPage(many, { ...DEFAULT_QUERY, page: 99 }, 24);
    expect(page).toMatchObject({ page: 3, pageCount: 3, total: 50 });
    expect(page.items).toHaveLength(2);
  });
  it('reports one empty page when nothing matches', () => {
    expect(selectPage(records, { ...DEFAULT_QUERY, q: 'nobody' })).toEqual({ items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe('certification (as Certificates.isValid judges it)', () => {
  const issuer = make(0, { kinds: 2 });
  const entry = (i: number, over: Partial<DirectoryEntry> = {}): DirectoryEntry => {
    const { ratingAverage: _a, certified: _c, ...base } = make(i);
    return { ...base, xp: 0n, ratingSum: 0, certificates: [], ...over };
  };

  it('counts issuers in good standing: active with at least the minimum bond', () => {
    expect(inGoodStanding({ status: 'active', bond: 10n }, 10n)).toBe(true);
    expect(inGoodStanding({ status: 'active', bond: 9n }, 10n)).toBe(false);
    for (const status of ['suspended', 'unbonding', 'exited', 'none'] as const) expect(inGoodStanding({ status, bond: 10n }, 1n)).toBe(false);
    expect(inGoodStanding(undefined, 0n)).toBe(false);
  });

  it('holds a valid certificate while one is unexpired and from an issuer in good standing', () => {
    const good = () => true;
    const cert = { id: 1n, issuer: '0xi', expiresAt: 1_000 };
    expect(holdsValidCertificate([], 0, good)).toBe(false);
    expect(holdsValidCertificate([cert], 999, good)).toBe(true);
    expect(holdsValidCertificate([cert], 1_000, good)).toBe(false); // expires at expiresAt, as on chain
    expect(holdsValidCertificate([cert], 0, () => false)).toBe(false);
    expect(holdsValidCertificate([{ ...cert, issuer: '0xbad' }, cert], 0, (i) => i === '0xi')).toBe(true);
  });

  it('enriches snapshot entries with the rating average and certification', () => {
    const issuerEntry = entry(0, { ...issuer });
    const certified = entry(1, { ratingCount: 2, ratingSum: 9, activeServices: 3, certificates: [{ id: 1n, issuer: issuer.account.toLowerCase(), expiresAt: 2_000 }] });
    const expired = entry(2, { certificates: [{ id: 2n, issuer: issuer.account.toLowerCase(), expiresAt: 1_500 }] });
    const records = [issuerEntry, certified, expired];
    const snapshot = { records, byAccount: new Map(records.map((r) => [r.account.toLowerCase(), r])), minBond: 10n ** 16n, time: 1_500 };
    const out = toDirectoryRecords(snapshot);
    expect(out.map((r) => [r.ratingAverage, r.activeServices, r.certified])).toEqual([
      [0, 0, false],
      [4.5, 3, true],
      [0, 0, false],
    ]);
    // The issuer's bond falls under the minimum: its certificates stop counting.
    expect(toDirectoryRecords({ ...snapshot, minBond: 10n ** 18n })[1]!.certified).toBe(false);
  });
});
