'use client';
// Evidence (or a dispute's reason) as text stored as a document through /api/content, or as a link
// to a document elsewhere (https:// or ipfs://). Checked before anything is stored or sent.
import { useId } from 'react';
import { checkEvidence, MAX_EVIDENCE_TEXT, type EvidenceInput } from '@/lib/court';
import { DocumentError, publishDocument } from '@/lib/documents';

export interface EvidenceState {
  mode: 'text' | 'uri';
  text: string;
  uri: string;
}

export const emptyEvidence: EvidenceState = { mode: 'text', text: '', uri: '' };

export function evidenceInput(s: EvidenceState): EvidenceInput {
  return s.mode === 'text' ? { mode: 'text', text: s.text } : { mode: 'uri', uri: s.uri };
}

/** The URI to put on chain: the text stored as a document, or the link as given. */
export async function evidenceUri(s: EvidenceState, what = 'evidence'): Promise<{ ok: true; uri: string } | { ok: false; error: string }> {
  const problem = checkEvidence(evidenceInput(s), what);
  if (problem) return { ok: false, error: problem };
  if (s.mode === 'uri') return { ok: true, uri: s.uri.trim() };
  try {
    return { ok: true, uri: await publishDocument(s.text.trim(), 'text/plain') };
  } catch (e) {
    return { ok: false, error: `The document could not be stored: ${e instanceof DocumentError ? e.message : String(e)}` };
  }
}

export function EvidenceFields({
  value,
  onChange,
  error,
  textLabel,
  placeholder,
}: {
  value: EvidenceState;
  onChange(next: EvidenceState): void;
  error: string | undefined;
  textLabel: string;
  placeholder?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How to give it</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'text'} onChange={() => onChange({ ...value, mode: 'text' })} />
          Write it
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'uri'} onChange={() => onChange({ ...value, mode: 'uri' })} />
          Link a document
        </label>
      </fieldset>
      {value.mode === 'text' ? (
        <div>
          <label htmlFor={`${id}-text`} className="label">
            {textLabel}
          </label>
          <textarea
            id={`${id}-text`}
            className="input min-h-24"
            value={value.text}
            placeholder={placeholder}
            maxLength={MAX_EVIDENCE_TEXT + 100}
            onChange={(e) => onChange({ ...value, text: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <p className="mt-1 text-xs text-slate-600">Stored as a content-addressed document (ipfs://); its address goes on chain.</p>
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-uri`} className="label">
            Document link
          </label>
          <input
            id={`${id}-uri`}
            className="input"
            value={value.uri}
            placeholder="https://… or ipfs://…"
            onChange={(e) => onChange({ ...value, uri: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
      )}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
