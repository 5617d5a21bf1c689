'use client';
// The wallet half of MineFilters: links with the connected account, and the follow-up navigation
// when a filter was chosen before connecting.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { useConnectModal } from '@rainbow-me/rainbowkit';
import { DISPUTE_FILTER_LABELS, disputeQueryString, type DisputeQuery } from '@/lib/court';
import { wantedFilter, type MineFilter } from './MineFilters';
import { pillClass } from './pill';

const href = (filter: MineFilter, account: Address) => `/disputes${disputeQueryString({ filter, account, page: 1 })}`;

export default function MineLinks({ query }: { query: DisputeQuery }) {
  const { address } = useAccount();
  const { openConnectModal } = useConnectModal();
  const router = useRouter();
  const mine = query.filter === 'party' || query.filter === 'juror' ? query.filter : null;

  useEffect(() => {
    if (!address) return;
    const wanted = wantedFilter.current;
    wantedFilter.current = null;
    // A filter chosen before connecting, or a "mine" view of another account: follow this one.
    if (wanted) router.push(href(wanted, address));
    else if (mine && query.account?.toLowerCase() !== address.toLowerCase()) router.replace(href(mine, address));
  }, [address, mine, query.account, router]);

  return (
    <>
      {(['party', 'juror'] as const).map((filter) => {
        const active = query.filter === filter;
        return address ? (
          <Link key={filter} href={href(filter, address)} className={pillClass(active)} aria-current={active ? 'page' : undefined}>
            {DISPUTE_FILTER_LABELS[filter]}
          </Link>
        ) : (
          <button
            key={filter}
            type="button"
            className={pillClass(active)}
            aria-current={active ? 'page' : undefined}
            onClick={() => {
              wantedFilter.current = filter;
              openConnectModal?.();
            }}
          >
            {DISPUTE_FILTER_LABELS[filter]}
          </button>
        );
      })}
    </>
  );
}
