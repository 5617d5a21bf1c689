'use client';
// Chain time on the client: the chain time the server read with the page, plus the wall time since
// the page arrived, ticking once a second. Local chains move their clock with evm_increaseTime, so
// wall time alone would be wrong; a new block re-renders the page with a fresh reading.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { formatCountdown } from '@/lib/court';
import { chainTimeNow } from '@/lib/format';

const ChainClockContext = createContext<number | null>(null);

export function ChainClock({ chainNow, children }: { chainNow: number; children: ReactNode }) {
  const [now, setNow] = useState(chainNow);
  // A fresh server reading (the page re-renders after a new block) restarts the estimate from it.
  useEffect(() => {
    const at = Date.now();
    setNow(chainNow);
    const timer = setInterval(() => setNow(chainTimeNow(chainNow, at, Date.now())), 1_000);
    return () => clearInterval(timer);
  }, [chainNow]);
  return <ChainClockContext.Provider value={now}>{children}</ChainClockContext.Provider>;
}

/** Chain time now (seconds), ticking; only inside <ChainClock>. */
export function useChainNow(): number {
  const now = useContext(ChainClockContext);
  if (now === null) throw new Error('useChainNow outside <ChainClock>');
  return now;
}

/** `prefix` + "01:02:03" until `endsAt` (chain time), then `over`. */
export function Countdown({ endsAt, prefix = '', over = 'over' }: { endsAt: number; prefix?: string; over?: string }) {
  const now = useChainNow();
  const left = endsAt - now;
  return (
    <span data-testid="countdown" data-ends-at={endsAt}>
      {left > 0 ? (
        <>
          {prefix}
          <span className="font-mono tabular-nums">{formatCountdown(left)}</span>
        </>
      ) : (
        over
      )}
    </span>
  );
}
