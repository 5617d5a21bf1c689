import Link from 'next/link';
import type { Collaborator } from '@/lib/collaborators';
import { formatDate, formatEth, shortAddress } from '@/lib/format';
import { KindBadges } from './KindBadges';
import { StatusBadge } from './StatusBadge';

export function CollaboratorCard({ collaborator: c }: { collaborator: Collaborator }) {
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
      <dl className="mt-auto grid grid-cols-2 gap-1 text-sm">
        <dt className="text-slate-600">Bond</dt>
        <dd className="text-right">{formatEth(c.bond)}</dd>
        <dt className="text-slate-600">Joined</dt>
        <dd className="text-right">{formatDate(c.joinedAt)}</dd>
      </dl>
    </li>
  );
}
