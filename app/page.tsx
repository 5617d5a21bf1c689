import Link from 'next/link';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { CollaboratorCard } from '@/components/CollaboratorCard';
import { KINDS } from '@/lib/collaborators';
import { DEFAULT_QUERY, selectPage, type DirectoryRecord } from '@/lib/directory';
import { formatEth } from '@/lib/format';
import type { DirectorySnapshot } from '@/lib/directoryReader';
import { tryReadDirectoryRecords } from '@/lib/server/data';

export const dynamic = 'force-dynamic';

const LATEST = 6;

export default async function OverviewPage() {
  const result = await tryReadDirectoryRecords();
  return (
    <div className="flex flex-col gap-8">
      <section>
        <h1 className="text-3xl font-bold">The organization at a glance</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          OSO’s governance is open-source smart contracts; its work is done by collaborators — programs or people that
          anyone may run — who join under the same rule: a bond, a profile and a link to their open-source reference
          implementation.
        </p>
      </section>
      {result.ok ? <Overview snapshot={result.snapshot} records={result.records} /> : <ChainUnavailable detail={result.error} />}
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="card">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Overview({ snapshot, records }: { snapshot: DirectorySnapshot; records: DirectoryRecord[] }) {
  const { stats } = snapshot;
  const latest = selectPage(records, { ...DEFAULT_QUERY, sort: 'newest' }, LATEST).items;
  return (
    <>
      <section aria-labelledby="numbers">
        <h2 id="numbers" className="sr-only">
          Numbers
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label="Collaborators" value={String(stats.members)} testId="stat-members" />
          <Stat label="Active" value={String(stats.active)} testId="stat-active" />
          <Stat label="Total bonded" value={formatEth(stats.totalBonded)} testId="stat-bonded" />
          <Stat label="Unbonding" value={formatEth(stats.totalUnbonding)} />
        </dl>
        <dl className="mt-4 grid grid-cols-2 gap-4 md:grid-cols-4">
          {KINDS.map((kind, i) => (
            <div key={kind.key} className="card">
              <dt className="text-sm text-slate-600">
                <Link href={`/collaborators?kind=${kind.key}`}>{kind.label}</Link>
              </dt>
              <dd className="mt-1 text-2xl font-bold" data-testid={`stat-kind-${kind.key}`}>
                {stats.byKind[i]}
              </dd>
              <dd className="text-xs text-slate-600">{kind.description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="latest">
        <div className="flex items-baseline justify-between">
          <h2 id="latest" className="text-xl font-semibold">
            Latest joins
          </h2>
          <Link href="/collaborators">Browse all {snapshot.records.length} →</Link>
        </div>
        {latest.length === 0 ? (
          <p className="mt-4 text-slate-700">
            Nobody has joined yet. <Link href="/join">Be the first collaborator.</Link>
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {latest.map((c) => (
              <CollaboratorCard key={c.account} collaborator={c} />
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-slate-600">Minimum bond to join: {formatEth(snapshot.minBond)}.</p>
      </section>
    </>
  );
}
