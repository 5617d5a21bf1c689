import Link from 'next/link';

/** Previous / "Page n of m" / Next links for a paged, server-rendered list; nothing for one page. */
export function Pager({ page, pageCount, hrefOf }: { page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="text-slate-500">← Previous</span>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="text-slate-500">Next →</span>
      )}
    </nav>
  );
}
