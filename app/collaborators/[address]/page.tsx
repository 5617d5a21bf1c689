// The profile has no loading.tsx on purpose: a Suspense boundary would stream a 200 before notFound() can set 404.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isAddress } from 'viem';
import { ChainUnavailable } from '@/components/ChainUnavailable';
import { KindBadges } from '@/components/KindBadges';
import { CertifierGate } from '@/components/forms/CertifierGate';
import { OwnerActionsGate } from '@/components/forms/OwnerActionsGate';
import { SafeLink } from '@/components/SafeLink';
import { StatusBadge } from '@/components/StatusBadge';
import { kindsOf } from '@/lib/collaborators';
import { formatDate, formatDateTime, formatEth } from '@/lib/format';
import { tryReadDirectory } from '@/lib/server/data';
import { readDisputeHistory } from '@/lib/server/disputeHistory';
import { readCollaboratorMarket } from '@/lib/server/market';
import { checkReferenceSource } from '@/lib/server/referenceSource';
import type { SourceVerdict } from '@/lib/referenceSource';
import { ReferenceSource } from '@/components/ReferenceSource';
import { DisputeHistory } from '@/components/market/DisputeHistory';
import { ProfileMarket } from '@/components/market/ProfileMarket';

export const dynamic = 'force-dynamic';

type Params = Promise<{ address: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { address } = await params;
  return { title: isAddress(address) ? `Collaborator ${address.slice(0, 10)}…` : 'Not found' };
}

export default async function ProfilePage({ params }: { params: Params }) {
  const { address } = await params;
  if (!isAddress(address)) notFound();
  const result = await tryReadDirectory();
  if (!result.ok) return <ChainUnavailable detail={result.error} />;
  const c = result.snapshot.byAccount.get(address.toLowerCase());
  if (!c) notFound();
  // Started together so their first reads go out in one JSON-RPC batch.
  const [market, disputes, sourceVerdict] = await Promise.all([
    readCollaboratorMarket(c.account).catch(() => null),
    readDisputeHistory(c.account, result.snapshot.block).catch(() => null),
    checkReferenceSource(c.sourceURI, c.sourceHash).catch((): SourceVerdict => ({ kind: 'other' })),
  ]);

  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold break-all" data-testid="profile-name">
            {c.name}
          </h1>
          <p className="mt-1 font-mono text-sm break-all text-slate-700">{c.account}</p>
        </div>
        <StatusBadge status={c.status} />
      </header>
      <section className="card">
        <h2 className="sr-only">Details</h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-600">Kinds</dt>
          <dd>
            <KindBadges kinds={c.kinds} />
            <p className="mt-1 text-sm text-slate-700">{kindsOf(c.kinds).map((k) => k.description).join('; ')}</p>
          </dd>
          <dt className="text-slate-600">Bond</dt>
          <dd data-testid="profile-bond">{formatEth(c.bond)}</dd>
          <dt className="text-slate-600">Joined</dt>
          <dd>{formatDate(c.joinedAt)}</dd>
          {c.status === 'unbonding' ? (
            <>
              <dt className="text-slate-600">Bond withdrawable from</dt>
              <dd>{formatDateTime(c.unbondingEndsAt)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Profile</dt>
          <dd>
            <SafeLink uri={c.profileURI} empty="No profile link" />
          </dd>
        </dl>
      </section>
      <ReferenceSource sourceURI={c.sourceURI} sourceHash={c.sourceHash} verdict={sourceVerdict} />
      {market ? <ProfileMarket market={market} /> : <ChainUnavailable detail="marketplace data could not be read" />}
      {disputes ? <DisputeHistory history={disputes} /> : null}
      {market ? (
        <CertifierGate
          subject={c.account}
          certifiable={c.status === 'active' && (c.kinds & 1) !== 0}
          certificates={market.certificates.map((cert) => ({
            id: String(cert.id),
            issuer: cert.issuer,
            level: cert.level,
            valid: cert.valid,
            revoked: cert.revoked,
          }))}
        />
      ) : null}
      <OwnerActionsGate
        collaborator={{
          account: c.account,
          status: c.status,
          unbondingEndsAt: c.unbondingEndsAt,
          kinds: c.kinds,
          name: c.name,
          profileURI: c.profileURI,
          sourceURI: c.sourceURI,
          sourceHash: c.sourceHash,
          services: (market?.services ?? []).map((s) => ({ id: String(s.id), title: s.title, active: s.active })),
        }}
      />
    </article>
  );
}
