import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/Pager';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { CollaboratorCard } from '@/components/CollaboratorCard';
import { DirectoryFilters } from '@/components/DirectoryFilters';
import { PAGE_SIZE, parseQuery, queryString, selectPage, type DirectoryQuery } from '@/lib/directory';
import { tryReadDirectoryRecords } from '@/lib/server/data';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Collaborators' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DirectoryPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseQuery(await searchParams);
  const result = await tryReadDirectoryRecords();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Collaborators</h1>
          <p className="mt-1 text-slate-700">Everyone who joined the organization, under the same rule.</p>
        </div>
        <Link href="/join" className="btn-primary no-underline hover:no-underline">
          Join as a collaborator
        </Link>
      </div>
      <DirectoryFilters query={query} />
      {result.ok ? <Results query={query} records={result.records} /> : <ChainUnavailable detail={result.error} />}
    </div>
  );
}

function Results({ query, records }: { query: DirectoryQuery; records: Parameters<typeof selectPage>[0] }) {
  const page = selectPage(records, query);
  if (page.total === 0) {
    return (
      <div className="card text-slate-700" data-testid="directory-empty">
        {records.length === 0 ? (
          <p>
            Nobody has joined yet. <Link href="/join">Be the first.</Link>
          </p>
        ) : (
          <p>
            No collaborator matches these filters. <Link href="/collaborators">Clear the filters.</Link>
          </p>
        )}
      </div>
    );
  }
  const first = (page.page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-label="Results" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700" data-testid="directory-count">
        {page.total} collaborator{page.total === 1 ? '' : 's'}
        {page.pageCount > 1 ? ` · showing ${first}–${first + page.items.length - 1}` : ''}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {page.items.map((c) => (
          <CollaboratorCard key={c.account} collaborator={c} />
        ))}
      </ul>
      <Pager page={page.page} pageCount={page.pageCount} hrefOf={(n) => `/collaborators${queryString({ ...query, page: n })}`} />
    </section>
  );
}
