import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { chainTimeNow, formatCountdown, formatDate, formatDuration, formatEth, shortAddress } from './format';

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
  it('counts down to the second and says when a deadline passed', () => {
    expect(formatCountdown(2 * 86_400 + 3 * 3_600 + 4 * 60 + 5)).toBe('2d 3h 4m 5s left');
    expect(formatCountdown(86_400)).toBe('1d 0h 0m 0s left');
    expect(formatCountdown(3_600 + 1)).toBe('1h 0m 1s left');
    expect(formatCountdown(240)).toBe('4m 0s left');
    expect(formatCountdown(59.9)).toBe('59s left');
    expect(formatCountdown(1)).toBe('1s left');
    expect(formatCountdown(0)).toBe('passed');
    expect(formatCountdown(-30)).toBe('passed');
    expect(formatCountdown(Number.NaN)).toBe('passed');
  });
  it('estimates chain time from the latest block and the wall time since it was seen', () => {
    expect(chainTimeNow(1_000, 50_000, 50_000)).toBe(1_000);
    expect(chainTimeNow(1_000, 50_000, 52_999)).toBe(1_002);
    expect(chainTimeNow(1_000, 50_000, 49_000)).toBe(1_000); // a clock going back never moves it back
  });
});
