import type { SourceVerdict } from '@/lib/referenceSource';
import { DocumentLink } from './DocumentLink';

const SHOWN_FILES = 8;

/** A collaborator's published source (untrusted, shown as text or a safe link) and, for the reference programs, whether it is this repository's code. */
export function ReferenceSource({ sourceURI, sourceHash, verdict }: { sourceURI: string; sourceHash: string; verdict: SourceVerdict }) {
  const noHash = /^0x0*$/.test(sourceHash);
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="reference-source-heading">
      <h2 id="reference-source-heading" className="text-lg font-semibold">
        Reference source
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">Source</dt>
        <dd data-testid="source-uri">{sourceURI === '' ? <span className="text-slate-600">No source link</span> : <DocumentLink uri={sourceURI} label={sourceURI} />}</dd>
        <dt className="text-slate-600">Source hash</dt>
        <dd className="font-mono text-sm break-all" data-testid="source-hash">
          {noHash ? '—' : sourceHash}
        </dd>
      </dl>
      <SourceVerdictNote verdict={verdict} />
    </section>
  );
}

function SourceVerdictNote({ verdict }: { verdict: SourceVerdict }) {
  if (verdict.kind === 'other') return null;
  const folders = verdict.program.folders.join(', ');
  if (verdict.kind === 'matches') {
    return (
      <p className="rounded-lg bg-green-50 p-3 text-sm text-green-900" data-testid="source-verdict" data-verdict="matches">
        <span className="font-semibold">Matches {verdict.program.folders[0]} in this repository.</span> The source hash is the SHA-256 of the manifest
        recomputed from the files of {folders} in this checkout.
      </p>
    );
  }
  const shown = verdict.changedFiles.slice(0, SHOWN_FILES);
  return (
    <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950" data-testid="source-verdict" data-verdict="differs">
      <p>
        <span className="font-semibold">Does not match this repository&apos;s code.</span> Its manifest names the reference program{' '}
        <span className="font-mono">{verdict.program.manifestName}</span>, but the files differ from {folders} in this checkout
        {shown.length ? ':' : '.'}
      </p>
      {shown.length ? (
        <ul className="mt-1 list-disc pl-5 font-mono text-xs break-all">
          {shown.map((path) => (
            <li key={path}>{path}</li>
          ))}
          {verdict.changedFiles.length > shown.length ? <li className="list-none font-sans">and {verdict.changedFiles.length - shown.length} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
