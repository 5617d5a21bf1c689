'use client';
// Keeps wallet code (wagmi, RainbowKit, connectors) out of the first-load bundle: it is imported
// only when a person reaches for it (Connect, a form) or had connected before on this browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { PublicChainConfig } from '@/lib/chain';

export const CONNECTED_FLAG = 'oso.wallet.connected';

type WalletModule = typeof import('./WalletProviders');

interface WalletLoaderState {
  config: PublicChainConfig | null;
  module: WalletModule | null;
  /** Loads the wallet stack; with `connect`, opens the connect dialog once loaded. */
  load(options?: { connect?: boolean }): void;
  /** Set when a load was asked to open the connect dialog; consumed by the providers. */
  connectRequested: boolean;
  clearConnectRequest(): void;
  error: string | null;
}

const WalletLoaderContext = createContext<WalletLoaderState | null>(null);

export function useWalletLoader(): WalletLoaderState {
  const state = useContext(WalletLoaderContext);
  if (!state) throw new Error('useWalletLoader outside <WalletLoader>');
  return state;
}

export function WalletLoader({ config, children }: { config: PublicChainConfig | null; children: ReactNode }) {
  const [module, setModule] = useState<WalletModule | null>(null);
  const [loading, setLoading] = useState(false);
  const [connectRequested, setConnectRequested] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (options?: { connect?: boolean }) => {
      if (options?.connect) setConnectRequested(true);
      if (module || loading || !config) return;
      setLoading(true);
      import('./WalletProviders')
        .then((m) => setModule(m))
        .catch(() => setError('The wallet could not be loaded. Reload the page to try again.'))
        .finally(() => setLoading(false));
    },
    [module, loading, config],
  );

  // A returning visitor who had connected gets the wallet back once the page is idle.
  useEffect(() => {
    if (!config || module) return;
    if (window.localStorage.getItem(CONNECTED_FLAG) !== '1') return;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => load());
  }, [config, module, load]);

  const state = useMemo<WalletLoaderState>(
    () => ({ config, module, load, connectRequested, clearConnectRequest: () => setConnectRequested(false), error }),
    [config, module, load, connectRequested, error],
  );

  const Providers: ComponentType<{ config: PublicChainConfig; children: ReactNode }> | null = module?.WalletProviders ?? null;
  return (
    <WalletLoaderContext.Provider value={state}>
      {Providers && config ? <Providers config={config}>{children}</Providers> : children}
    </WalletLoaderContext.Provider>
  );
}

/** Renders `children` only once the wallet stack is loaded (loading it on mount); `fallback` until then. */
export function RequireWallet({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { module, load, config, error } = useWalletLoader();
  useEffect(() => load(), [load]);
  if (!config) return <p className="text-slate-700">The app is not connected to a deployment yet.</p>;
  if (error) return <p role="alert" className="text-red-800">{error}</p>;
  return module ? children : fallback;
}
