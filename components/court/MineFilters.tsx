'use client';
// "Mine as party" and "Mine as juror" on /disputes need the connected account: with the wallet
// loaded they are links carrying it in the URL (so the list is still rendered on the server);
// without it, choosing one opens the connect dialog and follows once an account is connected.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { DISPUTE_FILTER_LABELS, type DisputeQuery } from '@/lib/court';
import { useWalletLoader } from '../wallet/WalletLoader';

const MineLinks = dynamic(() => import('./MineLinks'), { ssr: false });

export type MineFilter = 'party' | 'juror';

export function MineFilters({ query }: { query: DisputeQuery }) {
  const { module, load, config } = useWalletLoader();
  const [wanted, setWanted] = useState<MineFilter | null>(null);
  if (module) return <MineLinks query={query} wanted={wanted} />;
  return (
    <>
      {(['party', 'juror'] as const).map((filter) => (
        <button
          key={filter}
          type="button"
          disabled={!config}
          aria-current={query.filter === filter ? 'page' : undefined}
          className={`rounded-full border px-3 py-1 text-sm font-medium ${query.filter === filter ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          onClick={() => {
            setWanted(filter);
            load({ connect: true });
          }}
        >
          {DISPUTE_FILTER_LABELS[filter]}
        </button>
      ))}
    </>
  );
}
