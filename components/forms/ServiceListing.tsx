'use client';
// A service collaborator's own services on its profile: list a new one, (de)activate each.
import { useState, type FormEvent } from 'react';
import { validateService, type FieldErrors, type ServiceInput } from '@/lib/validation';
import type { useContractWrite } from '../wallet/useContractWrite';
import { TextField } from './ProfileFields';
import type { OwnedService } from './ownerTypes';

type Send = ReturnType<typeof useContractWrite>['send'];

const EMPTY: ServiceInput = { title: '', metadataURI: '', price: '', hours: '24' };

export function ServiceListing({ services, send, busy }: { services: OwnedService[]; send: Send; busy: boolean }) {
  const [input, setInput] = useState<ServiceInput>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<keyof ServiceInput>>({});
  const set = (key: keyof ServiceInput, value: string) => setInput((prev) => ({ ...prev, [key]: value }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateService(input);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const { title, metadataURI, price, deliveryWindow } = checked.values;
    const outcome = await send({ module: 'Marketplace', functionName: 'listService', args: [title, metadataURI, price, deliveryWindow], label: 'List service' });
    if (outcome.ok) setInput(EMPTY);
  }
  return (
    <div className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      {services.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Your services</h3>
          <ul className="divide-y divide-slate-200">
            {services.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="own-service">
                <span className="break-all">
                  {s.title} <span className="text-sm text-slate-600">({s.active ? 'taking orders' : 'not taking orders'})</span>
                </span>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={busy}
                  aria-label={`${s.active ? 'Deactivate' : 'Activate'} ${s.title}`}
                  onClick={() =>
                    send({ module: 'Marketplace', functionName: 'setServiceActive', args: [BigInt(s.id), !s.active], label: s.active ? 'Deactivate service' : 'Activate service' })
                  }
                >
                  {s.active ? 'Deactivate' : 'Activate'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="List a service">
        <h3 className="font-semibold">List a service</h3>
        <TextField id="serviceTitle" label="Title" value={input.title} onChange={(v) => set('title', v)} error={errors.title} hint="1–96 bytes." />
        <TextField
          id="serviceDetails"
          label="Details link (optional)"
          value={input.metadataURI}
          onChange={(v) => set('metadataURI', v)}
          error={errors.metadataURI}
          hint="https:// or ipfs:// — what the service does and what to send."
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id="servicePrice" label="Price (ETH)" value={input.price} onChange={(v) => set('price', v)} error={errors.price} inputMode="decimal" />
          <TextField
            id="serviceHours"
            label="Delivery window (hours)"
            value={input.hours}
            onChange={(v) => set('hours', v)}
            error={errors.hours}
            inputMode="decimal"
            hint="From 1 minute (0.0167) to 90 days (2160)."
          />
        </div>
        <button type="submit" className="btn-primary self-start" disabled={busy}>
          List service
        </button>
      </form>
    </div>
  );
}
