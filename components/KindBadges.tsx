import { kindsOf } from '@/lib/collaborators';

export function KindBadges({ kinds }: { kinds: number }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Kinds">
      {kindsOf(kinds).map((kind) => (
        <li key={kind.key} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">
          {kind.label}
        </li>
      ))}
    </ul>
  );
}
