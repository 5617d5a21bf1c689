'use client';
// The wallet half of MineFilters: links with the connected account, and the follow-up navigation
// when a filter was chosen before connecting.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useAccount, useAccountEffect } from 'wagmi';
import { useConnectModal } from '@rainbow-me/rainbowkit';
import { DISPUTE_FILTER_LABELS, disputeQueryString, type DisputeQuery } from '@/lib/court';
import type { MineFilter } from './MineFilters';

export default function MineLinks({ query, wanted }: { query: DisputeQuery; wanted: MineFilter | null }) {
  const { address } = useAccount();
  const { openConnectModal } = useConnectModal();
  const router = useRouter();
  const href = (filter: MineFilter, account: string) => `/disputes${disputeQueryString({ filter, account: account as `0x${string}`, page: 1 })}`;

  useEffect(() => {
    if (wanted && address && query.filter !== wanted) router.push(href(wanted, address));
    // Only when an account arrives for a filter chosen before connecting (not on every render).
  }, [address, wanted]);
  // Switching accounts while a "mine" filter is shown follows the new account.
  useAccountEffect({
    onConnect: ({ address: next }) => {
      if ((query.filter === 'party' || query.filter === 'juror') && query.account?.toLowerCase() !== next.toLowerCase()) router.replace(href(query.filter, next));
    },
  });

  return (
    <>
      {(['party', 'juror'] as const).map((filter) => {
        const active = query.filter === filter;
        const cls = `rounded-full border px-3 py-1 text-sm font-medium no-underline hover:no-underline ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`;
        return address ? (
          <Link key={filter} href={href(filter, address)} className={cls} aria-current={active ? 'page' : undefined}>
            {DISPUTE_FILTER_LABELS[filter]}
          </Link>
        ) : (
          <button key={filter} type="button" className={cls} onClick={openConnectModal}>
            {DISPUTE_FILTER_LABELS[filter]}
          </button>
        );
      })}
    </>
  );
}
