'use client';
// The result document of a delivered order, fetched from the app's content store and checked
// against its CID in the browser before it is shown (as text only).
import { useQuery } from '@tanstack/react-query';
import type { Hex } from 'viem';
import { DocumentError, fetchDocument } from '@/lib/documents';
import { displayText, isResultHashOf } from '@/lib/documentText';
import { ResultDocument } from '../ResultDocument';

export function DeliveredResult({ uri, resultHash }: { uri: string; resultHash: Hex }) {
  const document = useQuery({
    queryKey: ['document', uri],
    staleTime: Infinity, // content-addressed: never changes
    retry: 1,
    queryFn: () => fetchDocument(uri),
  });
  if (document.isPending) return <p className="text-sm text-slate-600">Reading the result…</p>;
  if (document.isError) {
    const reason = document.error instanceof DocumentError ? document.error.message : 'it could not be fetched';
    return (
      <p className="text-sm text-slate-700" data-testid="result-unavailable">
        The result cannot be shown here: {reason}
      </p>
    );
  }
  const { text, type, bytes } = document.data;
  return <ResultDocument text={displayText(text, type)} resultHash={resultHash} hashMatches={isResultHashOf(bytes, resultHash)} />;
}
