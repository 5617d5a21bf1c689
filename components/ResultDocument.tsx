import type { Hex } from 'viem';

/** A delivered result document, verified against its CID by whoever read it, shown as text only, with the order's result hash. */
export function ResultDocument({ text, resultHash, hashMatches }: { text: string; resultHash: Hex; hashMatches: boolean }) {
  return (
    <figure className="flex flex-col gap-1" data-testid="result-document">
      <figcaption className="text-sm font-semibold">Delivered result</figcaption>
      <pre className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 text-xs break-words whitespace-pre-wrap text-slate-900" data-testid="result-text">
        {text}
      </pre>
      <p className="text-xs break-all text-slate-700">
        Result hash <span className="font-mono" data-testid="result-hash">{resultHash}</span>{' '}
        {hashMatches ? (
          <span className="text-green-800" data-testid="result-hash-check" data-matches="true">
            · the keccak-256 of this document
          </span>
        ) : (
          <span className="text-amber-800" data-testid="result-hash-check" data-matches="false">
            · not the keccak-256 of this document (the seller may hash it differently)
          </span>
        )}
      </p>
    </figure>
  );
}
