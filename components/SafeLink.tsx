import { safeHref } from '@/lib/links';

/** An untrusted URI from the chain: a link only when it is https: or ipfs:, otherwise plain text. */
export function SafeLink({ uri, empty = '—' }: { uri: string; empty?: string }) {
  if (uri === '') return <span className="text-slate-600">{empty}</span>;
  const href = safeHref(uri);
  if (!href) {
    return (
      <span className="break-all text-slate-700" title="Not a https: or ipfs: link, shown as text">
        {uri}
      </span>
    );
  }
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
      {uri}
    </a>
  );
}
