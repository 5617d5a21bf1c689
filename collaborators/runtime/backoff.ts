// Exponential backoff: the wait after the n-th consecutive failure, capped.

export interface BackoffPolicy {
  /** Wait after the first failure, in ms. */
  baseMs: number;
  /** Longest wait, in ms. */
  maxMs: number;
}

/** The wait after `failures` consecutive failures (1 → baseMs, 2 → 2·baseMs, …, never above maxMs). */
export function backoffDelay(failures: number, policy: BackoffPolicy): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}
