'use client';
// A collaborator's own actions on their profile: add bond, update, list and (de)activate services, leave, withdraw.
import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { zeroHash } from 'viem';
import { useAccount, useBalance, useReadContract } from 'wagmi';
import { collaboratorRegistryAbi } from '@/lib/generated/abis';
import { formatDateTime, formatDuration } from '@/lib/format';
import { validateAmount, validateProfile, type FieldErrors, type ProfileInput } from '@/lib/validation';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { ProfileFields, TextField } from './ProfileFields';
import { ServiceListing } from './ServiceListing';
import type { OwnedCollaborator } from './ownerTypes';
import { WalletStatus } from './WalletStatus';

export default function OwnerActions({ collaborator: c }: { collaborator: OwnedCollaborator }) {
  const { send, busy, address } = useContractWrite();
  if (!address || address.toLowerCase() !== c.account.toLowerCase()) return null;
  return (
    <section className="card flex flex-col gap-6" aria-labelledby="manage">
      <h2 id="manage" className="text-xl font-semibold">
        Manage your registration
      </h2>
      <WalletStatus />
      {c.status === 'active' || c.status === 'suspended' ? (
        <>
          {c.status === 'suspended' ? (
            <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              Governance has suspended this registration. You keep your bond and may update your profile; leaving is
              possible once you are reinstated.
            </p>
          ) : null}
          <AddBond send={send} busy={busy} />
          <UpdateProfile collaborator={c} send={send} busy={busy} />
          {c.status === 'active' && (c.kinds & KIND_SERVICE) !== 0 ? <ServiceListing services={c.services} send={send} busy={busy} /> : null}
          {c.status === 'active' ? <Leave send={send} busy={busy} /> : null}
        </>
      ) : null}
      {c.status === 'unbonding' ? <Withdraw endsAt={c.unbondingEndsAt} send={send} busy={busy} /> : null}
      {c.status === 'exited' ? (
        <p>
          You have left and withdrawn your bond. <Link href="/join">Join again</Link> whenever you like.
        </p>
      ) : null}
    </section>
  );
}

const KIND_SERVICE = 1;

type Send = ReturnType<typeof useContractWrite>['send'];

function AddBond({ send, busy }: { send: Send; busy: boolean }) {
  const { address } = useAccount();
  const balance = useBalance({ address, query: { enabled: !!address } });
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateAmount(amount, { min: 1n, balance: balance.data?.value ?? null, what: 'amount' });
    setError(checked.ok ? undefined : checked.error);
    if (!checked.ok) return;
    const outcome = await send({ module: 'CollaboratorRegistry', functionName: 'addBond', args: [], value: checked.wei, label: 'Add bond' });
    if (outcome.ok) setAmount('');
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2" aria-label="Add bond">
      <h3 className="font-semibold">Add to your bond</h3>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-48 flex-1">
          <TextField id="addBond" label="Amount (ETH)" value={amount} onChange={setAmount} error={error} inputMode="decimal" />
        </div>
        <button type="submit" className="btn-secondary mt-6" disabled={busy}>
          Add bond
        </button>
      </div>
    </form>
  );
}

function UpdateProfile({ collaborator: c, send, busy }: { collaborator: OwnedCollaborator; send: Send; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const initial: ProfileInput = {
    kinds: c.kinds,
    name: c.name,
    profileURI: c.profileURI,
    sourceURI: c.sourceURI,
    sourceHash: c.sourceHash === zeroHash ? '' : c.sourceHash,
  };
  const [profile, setProfile] = useState<ProfileInput>(initial);
  const [errors, setErrors] = useState<FieldErrors<keyof ProfileInput>>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateProfile(profile);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const { kinds, name, profileURI, sourceURI, sourceHash } = checked.values;
    const outcome = await send({ module: 'CollaboratorRegistry', functionName: 'update', args: [kinds, name, profileURI, sourceURI, sourceHash], label: 'Update profile' });
    if (outcome.ok) setOpen(false);
  }
  if (!open) {
    return (
      <div>
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          Edit profile
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Update profile">
      <h3 className="font-semibold">Edit profile</h3>
      <ProfileFields value={profile} onChange={setProfile} errors={errors} />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          Save profile
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Leave({ send, busy }: { send: Send; busy: boolean }) {
  const { config } = useWalletLoader();
  const period = useReadContract({
    address: config?.deployments.CollaboratorRegistry,
    abi: collaboratorRegistryAbi,
    functionName: 'unbondingPeriod',
  });
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 className="font-semibold">Leave the organization</h3>
      <p className="text-sm text-slate-700">
        Your bond starts unbonding{period.data !== undefined ? ` for ${formatDuration(Number(period.data))}` : ''}; you can
        withdraw it afterwards.
      </p>
      {confirming ? (
        <div className="flex gap-2">
          <button
            type="button"
            className="btn-danger"
            disabled={busy}
            onClick={async () => {
              await send({ module: 'CollaboratorRegistry', functionName: 'leave', args: [], label: 'Leave' });
              setConfirming(false);
            }}
          >
            Yes, leave
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            Stay
          </button>
        </div>
      ) : (
        <button type="button" className="btn-danger self-start" onClick={() => setConfirming(true)}>
          Leave…
        </button>
      )}
    </div>
  );
}

function Withdraw({ endsAt, send, busy }: { endsAt: number; send: Send; busy: boolean }) {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = endsAt - now;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">Withdraw your bond</h3>
      <p className="text-sm text-slate-700">
        {remaining > 0
          ? `Unbonding until ${formatDateTime(endsAt)} (about ${formatDuration(remaining)} from now, by this device’s clock).`
          : 'The unbonding period is over: your bond can be withdrawn.'}
      </p>
      <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => send({ module: 'CollaboratorRegistry', functionName: 'withdraw', args: [], label: 'Withdraw' })}>
        Withdraw bond
      </button>
    </div>
  );
}
