'use client';
// Its own small module (not islands.tsx) so /governance loads only this gate up front.
import dynamic from 'next/dynamic';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { MonarchOperationProps } from './MonarchOperation';

const MonarchOperation = dynamic(() => import('./MonarchOperation'), { ssr: false });

/** The monarch's Execute/Cancel on a scheduled operation, once the wallet is loaded; until then an offer to connect. */
export function MonarchOperationGate(props: MonarchOperationProps) {
  const { module, load, config } = useWalletLoader();
  if (!config) return null;
  if (module) return <MonarchOperation {...props} />;
  return (
    <button type="button" className="text-sm font-semibold text-brand-700 underline" onClick={() => load({ connect: true })}>
      Monarch? Connect to execute or cancel
    </button>
  );
}
