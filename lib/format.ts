// Display helpers shared by server and client components.
import { formatEther } from 'viem';

/** "1.5 ETH", with at most `digits` decimals, trailing zeros dropped. */
export function formatEth(wei: bigint, digits = 4): string {
  const [whole, fraction = ''] = formatEther(wei).split('.');
  const trimmed = fraction.slice(0, digits).replace(/0+$/, '');
  return `${whole}${trimmed ? `.${trimmed}` : ''} ETH`;
}

/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A UTC date like "24 Nov 2026" for a unix timestamp in seconds. */
export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A UTC date and time like "24 Nov 2026, 18:05 UTC". */
export function formatDateTime(seconds: number): string {
  return `${new Date(seconds * 1000).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

/** "3 days", "5 hours", "2 minutes", "40 seconds" for a positive duration in seconds. */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  const n = Math.max(0, Math.floor(seconds));
  return `${n} second${n === 1 ? '' : 's'}`;
}

/**
 * The time left until a deadline, to the second: "2d 3h 4m 5s left", "4m 0s left", "5s left",
 * or "passed" once `seconds` (deadline minus now) is zero or less. Leading zero units are left out.
 */
export function formatCountdown(seconds: number): string {
  const left = Math.floor(seconds);
  if (!(left > 0)) return 'passed';
  const parts: [number, string][] = [
    [Math.floor(left / 86_400), 'd'],
    [Math.floor((left % 86_400) / 3_600), 'h'],
    [Math.floor((left % 3_600) / 60), 'm'],
    [left % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return `${parts
    .slice(first)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ')} left`;
}

/**
 * Chain time now, estimated from the latest block: its timestamp plus the wall-clock seconds since
 * it was first seen (`seenAt`, ms). Not the wall clock alone: a local chain's time can be moved
 * (evm_increaseTime) and any chain's clock may differ from this machine's.
 */
export function chainTimeNow(blockTimestamp: number, seenAt: number, wallNow: number): number {
  return blockTimestamp + Math.max(0, Math.floor((wallNow - seenAt) / 1000));
}
