import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { coherenceOf, openDraws, seatsFor, validateStake, validateUnstake, voteState, type JurorDraw } from './jurors';

function draw(over: Partial<JurorDraw>): JurorDraw {
  return {
    disputeId: '1',
    round: 0,
    seats: 1,
    committed: false,
    revealed: false,
    choice: null,
    dispute: { round: 0, period: 'commit', periodEnd: 0 },
    settled: null,
    reward: '0',
    penalty: '0',
    ...over,
  };
}

const majority = { ruling: 1, coherentSeats: 2 };

describe('voteState', () => {
  it('follows the current round through commit and reveal', () => {
    expect(voteState(draw({}))).toBe('commit');
    expect(voteState(draw({ committed: true }))).toBe('committed');
    expect(voteState(draw({ committed: true, dispute: { round: 0, period: 'reveal', periodEnd: 0 } }))).toBe('reveal');
    expect(voteState(draw({ committed: true, revealed: true, choice: 2, dispute: { round: 0, period: 'reveal', periodEnd: 0 } }))).toBe('revealed');
    // No commitment: nothing can be revealed any more.
    expect(voteState(draw({ dispute: { round: 0, period: 'reveal', periodEnd: 0 } }))).toBe('missed');
  });

  it('judges a settled round: coherent, incoherent, missed, or no majority', () => {
    expect(voteState(draw({ committed: true, revealed: true, choice: 1, settled: majority }))).toBe('coherent');
    expect(voteState(draw({ committed: true, revealed: true, choice: 2, settled: majority }))).toBe('incoherent');
    expect(voteState(draw({ committed: true, settled: majority }))).toBe('missed');
    expect(voteState(draw({ settled: majority }))).toBe('missed');
    expect(voteState(draw({ committed: true, revealed: true, choice: 2, settled: { ruling: 0, coherentSeats: 0 } }))).toBe('no-majority');
  });

  it('a majority for refusing (ruling 0) is still a majority', () => {
    expect(voteState(draw({ revealed: true, choice: 0, settled: { ruling: 0, coherentSeats: 2 } }))).toBe('coherent');
  });
});

describe('coherenceOf', () => {
  it('counts decided votes only, non-revealed ones as not coherent', () => {
    const draws = [
      draw({ revealed: true, choice: 1, settled: majority }),
      draw({ revealed: true, choice: 2, settled: majority }),
      draw({ settled: majority }),
      draw({ revealed: true, choice: 1, settled: { ruling: 0, coherentSeats: 0 } }), // tie: left out
      draw({ committed: true }), // not settled: left out
    ];
    expect(coherenceOf(draws)).toEqual({ coherent: 1, decided: 3, percent: 33 });
  });

  it('is null without decided votes', () => {
    expect(coherenceOf([])).toEqual({ coherent: 0, decided: 0, percent: null });
    expect(coherenceOf([draw({ committed: true })]).percent).toBeNull();
  });

  it('is 100% when every decided vote was with the majority', () => {
    expect(coherenceOf([draw({ revealed: true, choice: 2, settled: { ruling: 2, coherentSeats: 3 } })]).percent).toBe(100);
  });
});

describe('openDraws and seatsFor', () => {
  it('open draws are the unsettled ones', () => {
    expect(openDraws([draw({ disputeId: '1' }), draw({ disputeId: '2', settled: majority })]).map((d) => d.disputeId)).toEqual(['1']);
  });
  it('seats double plus one each round', () => {
    expect([0, 1, 2, 3, 4].map(seatsFor)).toEqual([3, 7, 15, 31, 63]);
  });
});

describe('validateStake', () => {
  const min = parseEther('0.1');
  it('needs an amount that brings the stake to the minimum, within the balance', () => {
    expect(validateStake('abc', { stake: 0n, minStake: min, balance: null })).toEqual({ ok: false, error: 'Enter the amount in ETH, like 0.1.' });
    expect(validateStake('0', { stake: 0n, minStake: min, balance: null })).toEqual({ ok: false, error: 'The amount must be more than zero.' });
    expect(validateStake('0.05', { stake: 0n, minStake: min, balance: null }).ok).toBe(false);
    expect(validateStake('0.05', { stake: parseEther('0.05'), minStake: min, balance: null })).toEqual({ ok: true, wei: parseEther('0.05') });
    expect(validateStake('2', { stake: 0n, minStake: min, balance: parseEther('1') })).toEqual({ ok: false, error: 'Your balance is too low for this amount.' });
    expect(validateStake(' 0.1 ', { stake: 0n, minStake: min, balance: parseEther('1') })).toEqual({ ok: true, wei: min });
  });
});

describe('validateUnstake', () => {
  const min = parseEther('0.1');
  const stake = parseEther('0.3');
  it('is refused while stake is locked', () => {
    expect(validateUnstake('0.1', { stake, locked: 1n, minStake: min }).ok).toBe(false);
  });
  it('takes at most the stake and leaves 0 or at least the minimum', () => {
    expect(validateUnstake('0.4', { stake, locked: 0n, minStake: min })).toEqual({ ok: false, error: 'That is more than your stake.' });
    expect(validateUnstake('0.25', { stake, locked: 0n, minStake: min }).ok).toBe(false);
    expect(validateUnstake('0.2', { stake, locked: 0n, minStake: min })).toEqual({ ok: true, wei: parseEther('0.2') });
    expect(validateUnstake('0.3', { stake, locked: 0n, minStake: min })).toEqual({ ok: true, wei: stake });
    expect(validateUnstake('', { stake, locked: 0n, minStake: min }).ok).toBe(false);
  });
});
