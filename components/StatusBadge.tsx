import { STATUS_LABELS, type StatusKey } from '@/lib/collaborators';

const colors: Record<StatusKey, string> = {
  none: 'bg-slate-100 text-slate-800',
  active: 'bg-green-100 text-green-900',
  suspended: 'bg-red-100 text-red-900',
  unbonding: 'bg-amber-100 text-amber-900',
  exited: 'bg-slate-200 text-slate-800',
};

export function StatusBadge({ status }: { status: StatusKey }) {
  return (
    <span data-status={status} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${colors[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
