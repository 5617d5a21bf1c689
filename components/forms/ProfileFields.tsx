'use client';
// The profile fields shared by Join and Update, with their validation messages.
import { KINDS } from '@/lib/collaborators';
import type { FieldErrors, ProfileInput } from '@/lib/validation';

export function ProfileFields({
  value,
  onChange,
  errors,
}: {
  value: ProfileInput;
  onChange: (next: ProfileInput) => void;
  errors: FieldErrors<keyof ProfileInput>;
}) {
  const set = <K extends keyof ProfileInput>(key: K, v: ProfileInput[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <fieldset aria-describedby={errors.kinds ? 'kinds-error' : undefined}>
        <legend className="label">Kinds of work</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {KINDS.map((kind) => (
            <label key={kind.key} className="flex items-start gap-2 rounded-lg border border-slate-200 p-2 text-sm">
              <input
                type="checkbox"
                name="kinds"
                value={kind.key}
                checked={(value.kinds & kind.bit) !== 0}
                onChange={(e) => set('kinds', e.target.checked ? value.kinds | kind.bit : value.kinds & ~kind.bit)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{kind.label}</span> — {kind.description}
              </span>
            </label>
          ))}
        </div>
        {errors.kinds ? (
          <p id="kinds-error" className="field-error">
            {errors.kinds}
          </p>
        ) : null}
      </fieldset>
      <TextField id="name" label="Name" value={value.name} error={errors.name} onChange={(v) => set('name', v)} hint="1–64 bytes." />
      <TextField
        id="profileURI"
        label="Profile link (optional)"
        value={value.profileURI}
        error={errors.profileURI}
        onChange={(v) => set('profileURI', v)}
        hint="https:// or ipfs:// — a page or document about you."
      />
      <TextField
        id="sourceURI"
        label="Open-source reference implementation"
        value={value.sourceURI}
        error={errors.sourceURI}
        onChange={(v) => set('sourceURI', v)}
        hint="https:// or ipfs:// — the code you run, for anyone to read and run."
      />
      <TextField
        id="sourceHash"
        label="Source hash (optional)"
        value={value.sourceHash}
        error={errors.sourceHash}
        onChange={(v) => set('sourceHash', v)}
        hint="32 bytes in hex (0x + 64 digits), e.g. the SHA-256 of the release you run."
        mono
      />
    </>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  mono,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  mono?: boolean;
  inputMode?: 'decimal';
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={id}
        className={`input ${mono ? 'font-mono' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        inputMode={inputMode}
        autoComplete="off"
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
