// The regime in office, in the header: streamed in after the page (never holds it up).
import Link from 'next/link';
import { tryReadRegimeKind } from '@/lib/server/governance';

const names = { none: 'No regime', monarchy: 'Monarchy', council: 'Council', democracy: 'Democracy' } as const;

export async function RegimeBadge() {
  const kind = await tryReadRegimeKind();
  if (!kind) return null;
  return (
    <Link href="/governance" className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-semibold text-indigo-900 no-underline" data-testid="header-regime">
      Governed by: {names[kind]}
    </Link>
  );
}
