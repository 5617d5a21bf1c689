import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/Pager';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { ChainClock, Countdown } from '@/components/court/ChainClock';
import { DisputeBadge, rulingText } from '@/components/court/DisputeBadge';
import { MineFilters } from '@/components/court/MineFilters';
import { pillClass } from '@/components/court/pill';
import { DISPUTE_FILTER_LABELS, PERIOD_LABELS, disputeQueryString, parseDisputeQuery, selectDisputes, type DisputeQuery } from '@/lib/court';
import { formatEth, shortAddress } from '@/lib/format';
import { readDisputeList, type DisputeSummary } from '@/lib/server/court';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Disputes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DisputesPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseDisputeQuery(await searchParams);
  let list: Awaited<ReturnType<typeof readDisputeList>> | null = null;
  let error: string | undefined;
  try {
    list = await readDisputeList();
  } catch (e) {
    error = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Disputes</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          A buyer who disputes a delivery pays the arbitration fee; jurors drawn by stake weigh the evidence, commit hidden votes and
          reveal them. The losing party may appeal to a bigger jury. Anyone may move a dispute on when its period is over.
        </p>
      </div>
      <Filters query={query} />
      {list ? (
        <ChainClock chainNow={list.chainNow}>
          <Results query={query} disputes={list.disputes} />
        </ChainClock>
      ) : (
        <ChainUnavailable detail={error} />
      )}
    </div>
  );
}

function Filters({ query }: { query: DisputeQuery }) {
  return (
    <nav aria-label="Filter disputes" className="flex flex-wrap items-center gap-2">
      {(['all', 'open', 'closed'] as const).map((filter) => (
        <Link key={filter} href={`/disputes${disputeQueryString({ filter, account: null, page: 1 })}`} className={pillClass(query.filter === filter)} aria-current={query.filter === filter ? 'page' : undefined}>
          {DISPUTE_FILTER_LABELS[filter]}
        </Link>
      ))}
      <MineFilters query={query} />
    </nav>
  );
}

function Results({ query, disputes }: { query: DisputeQuery; disputes: DisputeSummary[] }) {
  const mine = query.filter === 'party' || query.filter === 'juror';
  if (mine && !query.account) {
    return <p className="card text-slate-700">Connect a wallet to see your disputes.</p>;
  }
  const page = selectDisputes(disputes, query);
  return (
    <section aria-label="Disputes" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700" data-testid="disputes-count">
        {page.total} dispute{page.total === 1 ? '' : 's'}
        {mine && query.account ? (
          <>
            {' '}
            {query.filter === 'party' ? 'with' : 'judged by'} <span className="font-mono">{shortAddress(query.account)}</span>
            {query.filter === 'party' ? ' as buyer or seller' : ' as a juror'}
          </>
        ) : null}
        {page.pageCount > 1 ? ` · page ${page.page} of ${page.pageCount}` : ''}
      </p>
      {page.total === 0 ? (
        <p className="card text-slate-700" data-testid="disputes-empty">
          {disputes.length === 0 ? 'No dispute has been opened yet.' : 'No dispute matches this filter.'}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {page.items.map((d) => (
            <DisputeRow key={String(d.id)} d={d} />
          ))}
        </ul>
      )}
      <Pager page={page.page} pageCount={page.pageCount} hrefOf={(n) => `/disputes${disputeQueryString({ ...query, page: n })}`} />
    </section>
  );
}

function DisputeRow({ d }: { d: DisputeSummary }) {
  return (
    <li className="card flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between" data-testid="dispute-row" data-dispute-id={String(d.id)}>
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/disputes/${d.id}`} className="font-semibold">
            Dispute #{String(d.id)}
          </Link>
          <DisputeBadge period={d.period} round={d.round} />
        </div>
        <p className="text-sm text-slate-700">
          {d.orderId !== null ? (
            <>
              Order #{String(d.orderId)}
              {d.serviceId !== null ? (
                <>
                  {' '}
                  of <Link href={`/services/${d.serviceId}`}>service #{String(d.serviceId)}</Link>
                </>
              ) : null}
              {d.price !== null ? ` · ${formatEth(d.price, 18)}` : ''}
              {d.buyer && d.seller ? (
                <>
                  {' '}
                  · buyer <Link href={`/collaborators/${d.buyer}`}>{shortAddress(d.buyer)}</Link> · seller{' '}
                  <Link href={`/collaborators/${d.seller}`}>{shortAddress(d.seller)}</Link>
                </>
              ) : null}
            </>
          ) : (
            <>
              Raised by contract <span className="font-mono">{shortAddress(d.arbitrable)}</span>
            </>
          )}
        </p>
      </div>
      <p className="text-sm text-slate-700 sm:text-right">
        {d.period === 'executed' ? (
          <span data-testid="dispute-ruling">{rulingText(d.ruling)}</span>
        ) : (
          <>
            {PERIOD_LABELS[d.period]} <Countdown endsAt={d.periodEnd} prefix="ends in " over="is over: it can be advanced" />
          </>
        )}
      </p>
    </li>
  );
}
