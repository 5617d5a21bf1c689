'use client';
// A rating collaborator certifies a service collaborator (evidence stored as a document first);
// an issuer revokes the certificates it issued, with a public reason.
import { useState, type FormEvent } from 'react';
import { useReadContract } from 'wagmi';
import { DocumentError, publishDocument } from '@/lib/documents';
import { CERTIFICATE_LEVELS } from '@/lib/market';
import { moduleAbis } from '@/lib/modules';
import { validateCertificate, validateReason, type CertificateInput, type FieldErrors } from '@/lib/validation';
import { useToast } from '../Toaster';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { CertifierProps, SubjectCertificate } from './ownerTypes';
import { WalletStatus } from './WalletStatus';

const KIND_RATING = 2;

function inAYear(): string {
  const d = new Date(Date.now() + 365 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export default function CertifierActions({ subject, certifiable, certificates }: CertifierProps) {
  const { config } = useWalletLoader();
  const { send, busy, address } = useContractWrite();
  const isRater = useReadContract({
    address: config?.deployments.CollaboratorRegistry,
    abi: moduleAbis.CollaboratorRegistry,
    functionName: 'hasKinds',
    args: address ? [address, KIND_RATING] : undefined,
    query: { enabled: !!address && !!config },
  });
  if (!address) return null;
  const me = address.toLowerCase();
  const issued = certificates.filter((c) => c.issuer.toLowerCase() === me && c.valid && !c.revoked);
  const canIssue = certifiable && isRater.data === true && me !== subject.toLowerCase();
  if (!canIssue && issued.length === 0) return null;
  return (
    <section className="card flex flex-col gap-6" aria-labelledby="certify">
      <h2 id="certify" className="text-xl font-semibold">
        Certification
      </h2>
      <WalletStatus />
      {canIssue ? <IssueForm subject={subject} send={send} busy={busy} /> : null}
      {issued.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Certificates you issued</h3>
          <ul className="flex flex-col gap-3">
            {issued.map((c) => (
              <RevokeRow key={c.id} certificate={c} send={send} busy={busy} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

type Send = ReturnType<typeof useContractWrite>['send'];

function IssueForm({ subject, send, busy }: { subject: CertifierProps['subject']; send: Send; busy: boolean }) {
  const toast = useToast();
  const [input, setInput] = useState<CertificateInput>(() => ({ level: 1, expires: inAYear(), evidence: '' }));
  const [errors, setErrors] = useState<FieldErrors<keyof CertificateInput>>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateCertificate(input, Math.floor(Date.now() / 1000));
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    let evidenceURI: string;
    try {
      evidenceURI = await publishDocument(checked.values.evidence, 'text/plain');
    } catch (e) {
      toast.show({ kind: 'error', title: 'The evidence could not be stored', detail: e instanceof DocumentError ? e.message : String(e) });
      return;
    }
    const outcome = await send({
      module: 'Certificates',
      functionName: 'issue',
      args: [subject, checked.values.level, checked.values.expiresAt, evidenceURI],
      label: 'Issue certificate',
    });
    if (outcome.ok) setInput({ level: 1, expires: inAYear(), evidence: '' });
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Issue certificate">
      <h3 className="font-semibold">Issue a certificate</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="certLevel" className="label">
            Level
          </label>
          <select
            id="certLevel"
            className="input"
            value={input.level}
            onChange={(e) => setInput({ ...input, level: Number(e.target.value) })}
            aria-invalid={errors.level ? true : undefined}
            aria-describedby={errors.level ? 'certLevel-error' : undefined}
          >
            <option value={1}>Bronze</option>
            <option value={2}>Silver</option>
            <option value={3}>Gold</option>
          </select>
          {errors.level ? (
            <p id="certLevel-error" className="field-error">
              {errors.level}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="certExpires" className="label">
            Expires on
          </label>
          <input
            id="certExpires"
            type="date"
            className="input"
            value={input.expires}
            onChange={(e) => setInput({ ...input, expires: e.target.value })}
            aria-invalid={errors.expires ? true : undefined}
            aria-describedby={`certExpires-hint${errors.expires ? ' certExpires-error' : ''}`}
          />
          <p id="certExpires-hint" className="mt-1 text-xs text-slate-600">
            At midnight UTC; at most two years from now.
          </p>
          {errors.expires ? (
            <p id="certExpires-error" className="field-error">
              {errors.expires}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <label htmlFor="certEvidence" className="label">
          Evidence
        </label>
        <textarea
          id="certEvidence"
          className="input min-h-24"
          value={input.evidence}
          onChange={(e) => setInput({ ...input, evidence: e.target.value })}
          aria-invalid={errors.evidence ? true : undefined}
          aria-describedby={`certEvidence-hint${errors.evidence ? ' certEvidence-error' : ''}`}
        />
        <p id="certEvidence-hint" className="mt-1 text-xs text-slate-600">
          The assessment behind the certificate; stored as a public document.
        </p>
        {errors.evidence ? (
          <p id="certEvidence-error" className="field-error">
            {errors.evidence}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary self-start" disabled={busy}>
        Issue certificate
      </button>
    </form>
  );
}

function RevokeRow({ certificate: c, send, busy }: { certificate: SubjectCertificate; send: Send; busy: boolean }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = `${CERTIFICATE_LEVELS[c.level] ?? `Level ${c.level}`} certificate #${c.id}`;
  const inputId = `revoke-${c.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateReason(reason);
    setError(checked.ok ? undefined : checked.error);
    if (!checked.ok) return;
    const outcome = await send({ module: 'Certificates', functionName: 'revoke', args: [BigInt(c.id), checked.reason], label: 'Revoke certificate' });
    if (outcome.ok) setReason('');
  }
  return (
    <li data-testid="issued-certificate" data-certificate-id={c.id}>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2" aria-label={`Revoke ${name}`}>
        <div className="min-w-48 flex-1">
          <label htmlFor={inputId} className="label">
            Reason for revoking {name}
          </label>
          <input
            id={inputId}
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            autoComplete="off"
          />
          {error ? (
            <p id={`${inputId}-error`} className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-danger mt-6" disabled={busy}>
          Revoke
        </button>
      </form>
    </li>
  );
}
