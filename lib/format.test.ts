import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatEth, shortAddress } from './format';

describe('format', () => {
  it('formats ETH with trimmed decimals', () => {
    expect(formatEth(parseEther('1'))).toBe('1 ETH');
    expect(formatEth(parseEther('0.123456'))).toBe('0.1234 ETH');
    expect(formatEth(0n)).toBe('0 ETH');
  });
  it('shortens addresses and formats dates and durations', () => {
    expect(shortAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe('0xf39F…2266');
    expect(formatDate(0)).toBe('1 Jan 1970');
    expect(formatDuration(7 * 86_400)).toBe('7 days');
    expect(formatDuration(3_600)).toBe('1 hour');
    expect(formatDuration(59)).toBe('59 seconds');
  });
});
