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
  { value: 'rating', label: 'Best rated' },
  { value: 'level', label: 'Highest level' },
];

type Filters = Omit<DirectoryQuery, 'page'>;

export function DirectoryFilters({ query }: { query: DirectoryQuery }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // The controls own their state, so quick successive changes build on each other rather than on
  // the last server render; the URL (and the server-rendered results) follow.
  const [filters, setFilters] = useState<Filters>(() => ({ q: query.q, kind: query.kind, status: query.status, certified: query.certified, sort: query.sort }));
  const latest = useRef(filters);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sent = useRef(new Set<string>());

  // Follow the URL when it changes from outside (back button, a link), not on our own navigations.
  useEffect(() => {
    const fromUrl = { q: query.q, kind: query.kind, status: query.status, certified: query.certified, sort: query.sort };
    const key = queryString({ ...fromUrl, page: 1 });
    if (sent.current.delete(key)) return;
    latest.current = fromUrl;
    setFilters(fromUrl);
  }, [query.q, query.kind, query.status, query.certified, query.sort]);
  useEffect(() => () => clearTimeout(debounce.current), []);

  const navigate = () => {
    const search = queryString({ ...latest.current, page: 1 });
    sent.current.add(search);
    startTransition(() => router.replace(`${pathname}${search}`, { scroll: false }));
  };

  const change = (next: Partial<Filters>, { debounced = false } = {}) => {
    latest.current = { ...latest.current, ...next };
    setFilters(latest.current);
    clearTimeout(debounce.current);
    if (debounced) debounce.current = setTimeout(navigate, 300);
    else navigate();
  };

  return (
    <form
      action="/collaborators"
      method="get"
      role="search"
      className="card grid gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_auto_auto] md:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        change({});
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
          value={filters.q}
          maxLength={64}
          onChange={(event) => change({ q: event.target.value }, { debounced: true })}
        />
      </div>
      <div>
        <label htmlFor="kind" className="label">
          Kind
        </label>
        <select id="kind" name="kind" className="input" value={filters.kind} onChange={(e) => change({ kind: e.target.value })}>
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
          value={filters.status}
          onChange={(e) => change({ status: e.target.value as StatusFilter })}
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
        <select id="sort" name="sort" className="input" value={filters.sort} onChange={(e) => change({ sort: e.target.value as SortKey })}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-800 md:col-span-1">
        <input type="checkbox" name="certified" value="1" checked={filters.certified} onChange={(e) => change({ certified: e.target.checked })} />
        Certified only
      </label>
      <button type="submit" className="btn-secondary">
        {pending ? 'Loading…' : 'Apply'}
      </button>
    </form>
  );
}
