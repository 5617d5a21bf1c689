'use client';
// "Mine as party" and "Mine as juror" on /disputes need the connected account: with the wallet
// loaded they are links carrying it in the URL (so the list is still rendered on the server);
// without it, choosing one opens the connect dialog and follows once an account is connected.
import dynamic from 'next/dynamic';
import { DISPUTE_FILTER_LABELS, type DisputeQuery } from '@/lib/court';
import { useWalletLoader } from '../wallet/WalletLoader';
import { pillClass } from './pill';

const MineLinks = dynamic(() => import('./MineLinks'), { ssr: false });

export type MineFilter = 'party' | 'juror';

/** The filter chosen before an account was connected. Module state, not React state: loading the
 * wallet wraps the page in its providers, which remounts everything below them. */
export const wantedFilter: { current: MineFilter | null } = { current: null };

export function MineFilters({ query }: { query: DisputeQuery }) {
  const { module, load, config } = useWalletLoader();
  if (module) return <MineLinks query={query} />;
  return (
    <>
      {(['party', 'juror'] as const).map((filter) => (
        <button
          key={filter}
          type="button"
          disabled={!config}
          aria-current={query.filter === filter ? 'page' : undefined}
          className={pillClass(query.filter === filter)}
          onClick={() => {
            wantedFilter.current = filter;
            load({ connect: true });
          }}
        >
          {DISPUTE_FILTER_LABELS[filter]}
        </button>
      ))}
    </>
  );
}
