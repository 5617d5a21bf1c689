'use client';
// Search, filter and sort controls. A plain GET form (works without JavaScript); with JavaScript the
// URL updates as you type or choose, so every view is a shareable link.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { KINDS } from '@/lib/collaborators';
import { queryString, type DirectoryQuery, type SortKey, type StatusFilter } from '@/lib/directory';

const statusOptions: { value: StatusFilter; label: string }[] = [
  { value: 'any', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'unbonding', label: 'Leaving' },
  { value: 'exited', label: 'Left' },
];
const sortOptions: { value: SortKey; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'bond', label: 'Largest bond' },
  { value: 'name', label: 'Name (A–Z)' },
];

export function DirectoryFilters({ query }: { query: DirectoryQuery }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(query.q);
  const [pending, startTransition] = useTransition();
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => setQ(query.q), [query.q]);
  useEffect(() => () => clearTimeout(debounce.current), []);

  const go = (next: Partial<DirectoryQuery>) =>
    startTransition(() => router.replace(`${pathname}${queryString({ ...query, q, ...next, page: 1 })}`, { scroll: false }));

  return (
    <form
      action="/collaborators"
      method="get"
      role="search"
      className="card grid gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_auto] md:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        go({ q });
      }}
      aria-busy={pending}
    >
      <div>
        <label htmlFor="q" className="label">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          className="input"
          placeholder="Name or address"
          value={q}
          maxLength={64}
          onChange={(event) => {
            const value = event.target.value;
            setQ(value);
            clearTimeout(debounce.current);
            debounce.current = setTimeout(() => go({ q: value }), 300);
          }}
        />
      </div>
      <div>
        <label htmlFor="kind" className="label">
          Kind
        </label>
        <select id="kind" name="kind" className="input" value={query.kind} onChange={(e) => go({ kind: e.target.value })}>
          <option value="any">Any kind</option>
          {KINDS.map((kind) => (
            <option key={kind.key} value={kind.key}>
              {kind.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className="label">
          Status
        </label>
        <select
          id="status"
          name="status"
          className="input"
          value={query.status}
          onChange={(e) => go({ status: e.target.value as StatusFilter })}
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sort" className="label">
          Sort
        </label>
        <select id="sort" name="sort" className="input" value={query.sort} onChange={(e) => go({ sort: e.target.value as SortKey })}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {pending ? 'Loading…' : 'Apply'}
      </button>
    </form>
  );
}
