'use client';
// The time left until a deadline in chain time, re-rendered every second between blocks.
import { useEffect, useState } from 'react';
import { chainTimeNow, formatCountdown } from '@/lib/format';

/**
 * When (wall clock, ms) this component first saw block `blockNumber`: the base of the chain clock
 * between blocks. Refetching the same block does not move it.
 */
export function useBlockSeenAt(blockNumber: bigint | undefined): number {
  const [seen, setSeen] = useState(() => ({ block: blockNumber, at: Date.now() }));
  if (seen.block !== blockNumber) {
    const next = { block: blockNumber, at: Date.now() };
    setSeen(next); // adjusting state to a new prop during render, as React documents
    return next.at;
  }
  return seen.at;
}

/**
 * "2d 3h 4m 5s left" until `at`, or "passed". `chainTime` is the latest block's timestamp and
 * `seenAt` when that block was first seen; the countdown adds the wall-clock time since. The first
 * render uses `chainTime` alone, so server and client render the same text; it ticks after mount.
 */
export function Countdown({ at, chainTime, seenAt }: { at: number; chainTime: number; seenAt: number }) {
  const [wallNow, setWallNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setWallNow(Date.now());
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, []);
  const now = wallNow === null ? chainTime : chainTimeNow(chainTime, seenAt, wallNow);
  return (
    <span data-testid="countdown" suppressHydrationWarning>
      {formatCountdown(at - now)}
    </span>
  );
}
