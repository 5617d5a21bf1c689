'use client';
// Join the organization: profile fields and a bond, validated before any transaction.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { formatEther } from 'viem';
import { useBalance, useReadContract } from 'wagmi';
import { collaboratorRegistryAbi } from '@/lib/generated/abis';
import { STATUS_LABELS, statusFromIndex } from '@/lib/collaborators';
import { formatEth } from '@/lib/format';
import { validateAmount, validateProfile, type FieldErrors, type ProfileInput } from '@/lib/validation';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { ProfileFields, TextField } from './ProfileFields';
import { WalletStatus } from './WalletStatus';

const EMPTY: ProfileInput = { kinds: 0, name: '', profileURI: '', sourceURI: '', sourceHash: '' };

export default function JoinForm() {
  const { config } = useWalletLoader();
  const router = useRouter();
  const { send, busy, address, wrongChain } = useContractWrite();
  const registry = config?.deployments.CollaboratorRegistry;
  const minBond = useReadContract({ address: registry, abi: collaboratorRegistryAbi, functionName: 'minBond', query: { refetchInterval: 15_000 } });
  const existing = useReadContract({
    address: registry,
    abi: collaboratorRegistryAbi,
    functionName: 'get',
    args: address ? [address] : undefined,
    query: { enabled: !!address, refetchOnWindowFocus: false },
  });
  const balance = useBalance({ address, query: { enabled: !!address } });

  const [profile, setProfile] = useState<ProfileInput>(EMPTY);
  const [bond, setBond] = useState('');
  const [errors, setErrors] = useState<FieldErrors<keyof ProfileInput | 'bond'>>({});

  useEffect(() => {
    if (minBond.data !== undefined && bond === '') setBond(formatEther(minBond.data));
  }, [minBond.data, bond]);

  const existingStatus = existing.data ? statusFromIndex(existing.data.status) : null;
  const alreadyMember = existingStatus === 'active' || existingStatus === 'suspended' || existingStatus === 'unbonding';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateProfile(profile);
    const nextErrors: FieldErrors<keyof ProfileInput | 'bond'> = checked.ok ? {} : { ...checked.errors };
    if (minBond.data === undefined) nextErrors.bond = 'The minimum bond is still loading from the chain.';
    const amount = validateAmount(bond, { min: minBond.data ?? 0n, balance: balance.data?.value ?? null, what: 'bond' });
    if (!amount.ok) nextErrors.bond = amount.error;
    setErrors(nextErrors);
    if (!checked.ok || !amount.ok || minBond.data === undefined) return;
    const { kinds, name, profileURI, sourceURI, sourceHash } = checked.values;
    const outcome = await send({
      module: 'CollaboratorRegistry',
      functionName: 'join',
      args: [kinds, name, profileURI, sourceURI, sourceHash],
      value: amount.wei,
      label: 'Join',
    });
    if (outcome.ok && address) router.push(`/collaborators/${address}`);
  }

  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-5" aria-label="Join form">
      {alreadyMember && address ? (
        <div role="status" className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900">
          This account is already a collaborator ({STATUS_LABELS[existingStatus!]}).{' '}
          <Link href={`/collaborators/${address}`}>Manage your profile</Link> instead of joining again.
        </div>
      ) : null}
      <ProfileFields value={profile} onChange={setProfile} errors={errors} />
      <TextField
        id="bond"
        label="Bond (ETH)"
        value={bond}
        onChange={setBond}
        error={errors.bond}
        inputMode="decimal"
        hint={
          minBond.data !== undefined
            ? `At least ${formatEth(minBond.data, 18)}, read live from the registry. Returned after you leave and the unbonding period ends.`
            : 'Reading the minimum bond…'
        }
      />
      <WalletStatus />
      <button type="submit" className="btn-primary self-start" disabled={busy || !address || wrongChain}>
        {busy ? 'Joining…' : 'Join the organization'}
      </button>
    </form>
  );
}
