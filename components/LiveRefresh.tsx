'use client';
// Keeps server-rendered views live: polls the chain head through /api/head and re-renders the
// route when a new block arrives (or when the chain comes back after an outage).
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const POLL_MS = 4_000;

export function LiveRefresh() {
  const router = useRouter();
  const last = useRef<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (document.visibilityState === 'visible') {
        let head = 'down';
        try {
          const response = await fetch('/api/head', { cache: 'no-store' });
          if (response.ok) head = ((await response.json()) as { block: string }).block;
        } catch {
          head = 'down';
        }
        if (last.current !== null && head !== last.current && head !== 'down') router.refresh();
        last.current = head;
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router]);

  return null;
}
