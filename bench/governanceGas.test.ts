import { describe, expect, it } from 'vitest';
import { governanceGasRows, governanceGasSection, isSideBySide, type GasSample } from './governanceGas';

const sample = (action: string, gas: number): GasSample => ({ action, gas, budget: null });

const samples = [
  sample('order', 110_000),
  sample('monarchy-execute', 40_000),
  sample('anchor-castVote', 47_310),
  sample('council-castVote', 43_226),
  sample('democracy-castVote', 47_311), // one gas over 1.0×
  sample('anchor-propose', 48_379),
  sample('council-propose', 51_563),
  sample('democracy-propose', 53_978),
  sample('anchor-castVote-first', 64_410),
  sample('democracy-castVote-late-quorum', 71_295),
];

describe('governance gas side by side', () => {
  it('takes only the anchor, council and democracy lines', () => {
    expect(isSideBySide('council-queue')).toBe(true);
    expect(isSideBySide('monarchy-execute')).toBe(false);
    expect(isSideBySide('order')).toBe(false);
  });

  it('groups by action in budget order and checks every regime against the anchor', () => {
    const rows = governanceGasRows(samples);
    expect(rows.map((r) => r.action)).toEqual(['propose', 'castVote', 'castVote-late-quorum']);
    expect(rows[0]).toMatchObject({ gas: { council: 51_563, democracy: 53_978 }, anchor: 48_379, met: true });
    expect(rows[1]).toMatchObject({ anchor: 47_310, met: false });
  });

  it('compares the late-quorum vote with the anchor first vote under the test guard', () => {
    const late = governanceGasRows(samples).find((r) => r.action === 'castVote-late-quorum')!;
    expect(late).toMatchObject({ gas: { council: undefined, democracy: 71_295 }, anchor: 64_410, anchorAction: 'castVote-first', met: true });
    const lines = governanceGasSection(samples);
    expect(lines[0]).toBe('## Governance gas, side by side');
    expect(lines).toContain('| castVote | 43,226 | 47,311 | 47,310 | 0.91× / 1.00× | ≤ 1.0× | **MISSED** |');
    expect(lines).toContain('| castVote-late-quorum | — | 71,295 | 64,410 (castVote-first) | — / 1.11× | ≤ 1.15× (test guard) | met |');
  });
});
