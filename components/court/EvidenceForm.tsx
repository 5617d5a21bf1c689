'use client';
// Submit evidence to a dispute during its evidence period (anyone may; parties are labelled).
import { useState, type FormEvent } from 'react';
import { WalletStatus } from '../forms/WalletStatus';
import { useContractWrite } from '../wallet/useContractWrite';
import { EvidenceFields, emptyEvidence, evidenceUri, type EvidenceState } from './EvidenceFields';

export default function EvidenceForm({ disputeId }: { disputeId: string }) {
  const { send, busy, address, wrongChain } = useContractWrite();
  const [value, setValue] = useState<EvidenceState>(emptyEvidence);
  const [error, setError] = useState<string | undefined>();
  const [storing, setStoring] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStoring(true);
    const resolved = await evidenceUri(value);
    setStoring(false);
    setError(resolved.ok ? undefined : resolved.error);
    if (!resolved.ok) return;
    const outcome = await send({ module: 'DisputeCourt', functionName: 'submitEvidence', args: [BigInt(disputeId), resolved.uri], label: 'Submit evidence' });
    if (outcome.ok) setValue(emptyEvidence);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Submit evidence" className="flex flex-col gap-3 border-t border-slate-200 pt-4">
      <h3 className="font-semibold">Submit evidence</h3>
      <EvidenceFields value={value} onChange={setValue} error={error} textLabel="Your evidence" placeholder="What happened, with facts jurors can check" />
      <WalletStatus />
      <button type="submit" className="btn-primary self-start" disabled={busy || storing || !address || wrongChain}>
        {storing ? 'Storing…' : busy ? 'Submitting…' : 'Submit evidence'}
      </button>
    </form>
  );
}
