import Link from 'next/link';
import type { DirectoryRecord } from '@/lib/directory';
import { formatDate, formatEth, shortAddress } from '@/lib/format';
import { KindBadges } from './KindBadges';
import { StatusBadge } from './StatusBadge';

export function CollaboratorCard({ collaborator: c }: { collaborator: DirectoryRecord }) {
  return (
    <li className="card flex flex-col gap-2" data-testid="collaborator-card">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/collaborators/${c.account}`} prefetch={false} className="font-semibold break-all">
          {c.name}
        </Link>
        <StatusBadge status={c.status} />
      </div>
      <p className="font-mono text-xs text-slate-600">{shortAddress(c.account)}</p>
      <KindBadges kinds={c.kinds} />
      <p className="flex flex-wrap gap-2 text-sm text-slate-700">
        <span data-testid="card-rating">{c.ratingCount === 0 ? 'Not rated' : `★ ${c.ratingAverage.toFixed(1)} (${c.ratingCount})`}</span>
        <span>· Level {c.level}</span>
        {c.activeServices > 0 ? (
          <span data-testid="card-services">
            · {c.activeServices} service{c.activeServices === 1 ? '' : 's'}
          </span>
        ) : null}
        {c.certified ? <span className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-900">Certified</span> : null}
      </p>
      <dl className="mt-auto grid grid-cols-2 gap-1 text-sm">
        <dt className="text-slate-600">Bond</dt>
        <dd className="text-right">{formatEth(c.bond)}</dd>
        <dt className="text-slate-600">Joined</dt>
        <dd className="text-right">{formatDate(c.joinedAt)}</dd>
      </dl>
    </li>
  );
}
