import { parseCid } from '@/lib/content';
import { SafeLink } from './SafeLink';

/** A document URI: ipfs:// documents open from this app's verified store, others as safe links. */
export function DocumentLink({ uri, label }: { uri: string; label: string }) {
  const cid = parseCid(uri);
  if (!cid) return <SafeLink uri={uri} />;
  return (
    <a href={`/api/content/${cid}`} target="_blank" rel="noopener noreferrer" title={uri}>
      {label}
    </a>
  );
}
