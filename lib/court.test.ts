import { describe, expect, it } from 'vitest';
import {
  canAdvance,
  checkEvidence,
  disputeQueryString,
  formatCountdown,
  hashVote,
  mayAppeal,
  parseDisputeQuery,
  parseSavedVote,
  parseVoteFile,
  partyLabel,
  randomSalt,
  seatsFor,
  selectDisputes,
  timeline,
  voteFile,
  voteStorageKey,
  type DisputeListItem,
  type VoteTarget,
} from './court';

const JUROR = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BUYER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const SELLER = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955';
const COURT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

describe('hashVote', () => {
  // Expected values computed by Foundry: cast keccak $(cast abi-encode "f(uint256,bytes32,address,uint256,uint256)" …),
  // i.e. keccak256(abi.encode(choice, salt, juror, disputeId, round)) as DisputeCourt.hashVote computes it.
  it('equals the contract’s keccak256(abi.encode(choice, salt, juror, disputeId, round))', () => {
    expect(hashVote(2, `0x${'11'.repeat(32)}`, JUROR, 7n, 1)).toBe('0xf1380b3feee29fd16ca35dfea0c0ca241e853269a09f07923275c058b268ed0b');
    expect(hashVote(0, `0x${'00'.repeat(31)}ff`, BUYER, 1n, 0)).toBe('0x5b1aea2518d0bf718b6ad37e2100b8269105b9ef0f60c50ec7209b095e6a5b7a');
  });

  it('binds the juror, the dispute and the round', () => {
    const salt = randomSalt();
    const base = hashVote(1, salt, JUROR, 3n, 0);
    expect(hashVote(1, salt, BUYER, 3n, 0)).not.toBe(base);
    expect(hashVote(1, salt, JUROR, 4n, 0)).not.toBe(base);
    expect(hashVote(1, salt, JUROR, 3n, 1)).not.toBe(base);
    expect(hashVote(2, salt, JUROR, 3n, 0)).not.toBe(base);
  });
});

describe('salts and saved votes', () => {
  const target: VoteTarget = { chainId: 31337, court: COURT, disputeId: 5n, round: 1, juror: JUROR };

  it('draws 32 random bytes', () => {
    const a = randomSalt();
    expect(a).toMatch(/^0x[0-9a-f]{64}$/);
    expect(randomSalt()).not.toBe(a);
  });

  it('keys votes by chain, court, dispute, round and juror', () => {
    expect(voteStorageKey(target)).toBe(`oso.vote.31337.${COURT.toLowerCase()}.5.1.${JUROR.toLowerCase()}`);
  });

  it('round-trips a vote file and refuses one for another dispute, round, juror or court', () => {
    const vote = { choice: 2 as const, salt: randomSalt() };
    const file = voteFile(target, vote);
    expect(parseVoteFile(file, target)).toEqual({ ok: true, vote });
    expect(parseVoteFile(file, { ...target, round: 0 })).toMatchObject({ ok: false, error: expect.stringContaining('another dispute or round') });
    expect(parseVoteFile(file, { ...target, disputeId: 6n })).toMatchObject({ ok: false });
    expect(parseVoteFile(file, { ...target, juror: BUYER })).toMatchObject({ ok: false, error: 'This vote file belongs to another juror account.' });
    expect(parseVoteFile(file, { ...target, chainId: 1 })).toMatchObject({ ok: false, error: 'This vote file is for another network or court.' });
    expect(parseVoteFile('not json', target)).toMatchObject({ ok: false });
    expect(parseVoteFile(JSON.stringify({ kind: 'oso-court-vote', choice: 4, salt: vote.salt }), target)).toMatchObject({ ok: false });
  });

  it('reads back what is stored and ignores malformed values', () => {
    const salt = randomSalt();
    expect(parseSavedVote(JSON.stringify({ choice: 1, salt }))).toEqual({ choice: 1, salt });
    expect(parseSavedVote(null)).toBeNull();
    expect(parseSavedVote('{')).toBeNull();
    expect(parseSavedVote(JSON.stringify({ choice: 3, salt }))).toBeNull();
    expect(parseSavedVote(JSON.stringify({ choice: 1, salt: '0x12' }))).toBeNull();
  });
});

describe('timeline', () => {
  const durations = { evidence: 100, commit: 200, reveal: 300, appeal: 400 };

  it('marks past, current and upcoming periods with the earliest times the rest can come', () => {
    const steps = timeline({ period: 'commit', periodStart: 1_100, periodEnd: 1_300, durations, lastRound: false, starts: { evidence: 1_000, commit: 1_100 } });
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(steps[0]).toMatchObject({ startedAt: 1_000, endsAt: 1_100 });
    expect(steps[1]).toMatchObject({ startedAt: 1_100, endsAt: 1_300 });
    expect(steps[2]).toMatchObject({ startedAt: 1_300, endsAt: 1_600 });
    expect(steps[3]).toMatchObject({ startedAt: 1_600, endsAt: 2_000 });
    expect(steps[4]).toMatchObject({ startedAt: 2_000, endsAt: null });
  });

  it('skips the appeal period in the last round', () => {
    const steps = timeline({ period: 'reveal', periodStart: 0, periodEnd: 300, durations, lastRound: true, starts: {} });
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'skipped', 'upcoming']);
    expect(steps[4]).toMatchObject({ startedAt: 300 });
  });

  it('has every step done once executed', () => {
    const steps = timeline({ period: 'executed', periodStart: 50, periodEnd: 0, durations, lastRound: false, starts: { appeal: 10, executed: 50 } });
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'current']);
    expect(steps[3]).toMatchObject({ startedAt: 10, endsAt: 50 });
  });
});

describe('advancing and clocks', () => {
  it('allows advance when time is over, or early once every juror committed / revealed', () => {
    const d = { periodEnd: 100, jurors: 2, commits: 1, reveals: 0 };
    expect(canAdvance({ ...d, period: 'evidence' }, 99)).toBe(false);
    expect(canAdvance({ ...d, period: 'evidence' }, 100)).toBe(true);
    expect(canAdvance({ ...d, period: 'commit' }, 50)).toBe(false);
    expect(canAdvance({ ...d, period: 'commit', commits: 2 }, 50)).toBe(true);
    expect(canAdvance({ ...d, period: 'reveal', reveals: 2 }, 50)).toBe(true);
    expect(canAdvance({ ...d, period: 'executed' }, 500)).toBe(false);
  });

  it('formats countdowns as a clock', () => {
    expect(formatCountdown(5)).toBe('00:05');
    expect(formatCountdown(3_725)).toBe('01:02:05');
    expect(formatCountdown(2 * 86_400 + 61)).toBe('2d 00:01:01');
    expect(formatCountdown(-4)).toBe('00:00');
  });

  it('gives 3, 7, 15 seats', () => {
    expect([0, 1, 2].map(seatsFor)).toEqual([3, 7, 15]);
  });
});

describe('parties, evidence and appeals', () => {
  it('labels evidence by party', () => {
    expect(partyLabel(BUYER.toLowerCase(), BUYER, SELLER)).toBe('buyer');
    expect(partyLabel(SELLER, BUYER, SELLER)).toBe('seller');
    expect(partyLabel(JUROR, BUYER, SELLER)).toBe('third party');
    expect(partyLabel(JUROR, null, null)).toBe('third party');
  });

  it('checks evidence text and links', () => {
    expect(checkEvidence({ mode: 'text', text: '  ' })).toBe('Write the evidence first.');
    expect(checkEvidence({ mode: 'text', text: '' }, 'reason')).toBe('Write the reason first.');
    expect(checkEvidence({ mode: 'text', text: 'It was late.' })).toBeNull();
    expect(checkEvidence({ mode: 'uri', uri: 'http://example.org/x' })).toBe('The link must be an https:// or ipfs:// link.');
    expect(checkEvidence({ mode: 'uri', uri: 'javascript:alert(1)' })).toBe('The link must be an https:// or ipfs:// link.');
    expect(checkEvidence({ mode: 'uri', uri: `https://example.org/${'a'.repeat(300)}` })).toContain('longer than 256 bytes');
    expect(checkEvidence({ mode: 'uri', uri: 'https://example.org/evidence.pdf' })).toBeNull();
  });

  it('lets only the losing party appeal (either after a refusal)', () => {
    expect(mayAppeal(1, SELLER, BUYER, SELLER)).toBe(true);
    expect(mayAppeal(1, BUYER, BUYER, SELLER)).toBe(false);
    expect(mayAppeal(2, BUYER.toLowerCase(), BUYER, SELLER)).toBe(true);
    expect(mayAppeal(0, SELLER, BUYER, SELLER)).toBe(true);
    expect(mayAppeal(0, JUROR, BUYER, SELLER)).toBe(false);
    expect(mayAppeal(2, undefined, BUYER, SELLER)).toBe(false);
  });
});

describe('the dispute list', () => {
  const item = (id: number, period: DisputeListItem['period'], jurors: string[] = []): DisputeListItem => ({
    id: BigInt(id),
    period,
    round: 0,
    buyer: id % 2 === 0 ? BUYER : JUROR,
    seller: SELLER,
    jurors: jurors.map((j) => j.toLowerCase()),
  });
  const all = [item(1, 'executed'), item(2, 'evidence', [JUROR]), item(3, 'commit'), item(4, 'executed')];

  it('parses and prints queries, dropping what is invalid', () => {
    expect(parseDisputeQuery({ filter: 'juror', account: JUROR, page: '2' })).toEqual({ filter: 'juror', account: JUROR, page: 2 });
    expect(parseDisputeQuery({ filter: 'nope', account: '0x12', page: '-1' })).toEqual({ filter: 'all', account: null, page: 1 });
    expect(disputeQueryString({ filter: 'open', account: JUROR, page: 1 })).toBe('?filter=open');
    expect(disputeQueryString({ filter: 'party', account: BUYER, page: 3 })).toBe(`?filter=party&account=${BUYER}&page=3`);
    expect(disputeQueryString({ filter: 'all', account: null, page: 1 })).toBe('');
  });

  it('filters open, closed, mine as party and as juror, newest first', () => {
    const ids = (q: Parameters<typeof selectDisputes>[1]) => selectDisputes(all, q).items.map((d) => Number(d.id));
    expect(ids({ filter: 'all', account: null, page: 1 })).toEqual([4, 3, 2, 1]);
    expect(ids({ filter: 'open', account: null, page: 1 })).toEqual([3, 2]);
    expect(ids({ filter: 'closed', account: null, page: 1 })).toEqual([4, 1]);
    expect(ids({ filter: 'party', account: BUYER, page: 1 })).toEqual([4, 2]);
    expect(ids({ filter: 'party', account: null, page: 1 })).toEqual([]);
    expect(ids({ filter: 'juror', account: JUROR, page: 1 })).toEqual([2]);
  });

  it('pages', () => {
    const many = Array.from({ length: 45 }, (_, i) => item(i + 1, 'evidence'));
    const last = selectDisputes(many, { filter: 'all', account: null, page: 9 });
    expect(last).toMatchObject({ total: 45, page: 3, pageCount: 3 });
    expect(last.items.map((d) => Number(d.id))).toEqual([5, 4, 3, 2, 1]);
  });
});
