'use client';
// The connected account at a glance: experience, certificates, what the Marketplace owes it (with
// Withdraw) and, when there is any, slashed-bond credit from the registry (with Claim).
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useAccount, useBlock, usePublicClient } from 'wagmi';
import { LevelBar } from '../market/LevelBar';
import { useContractWrite } from '../wallet/useContractWrite';
import { useWalletLoader } from '../wallet/WalletLoader';
import { WalletStatus } from './WalletStatus';
import { formatDate, formatEth, shortAddress } from '@/lib/format';
import { CERTIFICATE_LEVELS } from '@/lib/market';
import { moduleAbis } from '@/lib/modules';

const MAX_LEVEL = 50;

export default function Me() {
  const { config } = useWalletLoader();
  const { address } = useAccount();
  const client = usePublicClient({ chainId: config?.chainId });
  const block = useBlock({ watch: true, chainId: config?.chainId });
  const d = config?.deployments;

  const me = useQuery({
    queryKey: ['me', address, d?.Marketplace, block.data?.number?.toString()],
    enabled: !!address && !!client && !!d,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      if (!address || !client || !d) throw new Error('not connected');
      const [profile, certificateIds, marketCredit, registryCredit] = await Promise.all([
        client.readContract({ address: d.Reputation, abi: moduleAbis.Reputation, functionName: 'profileOf', args: [address] }),
        client.readContract({ address: d.Certificates, abi: moduleAbis.Certificates, functionName: 'certificatesOf', args: [address] }),
        client.readContract({ address: d.Marketplace, abi: moduleAbis.Marketplace, functionName: 'creditOf', args: [address] }),
        client.readContract({ address: d.CollaboratorRegistry, abi: moduleAbis.CollaboratorRegistry, functionName: 'creditOf', args: [address] }),
      ]);
      const level = profile.level;
      const [levelXp, nextLevelXp, certificates] = await Promise.all([
        client.readContract({ address: d.Reputation, abi: moduleAbis.Reputation, functionName: 'xpForLevel', args: [level] }),
        level >= MAX_LEVEL
          ? Promise.resolve(null)
          : client.readContract({ address: d.Reputation, abi: moduleAbis.Reputation, functionName: 'xpForLevel', args: [level + 1] }),
        certificateIds.length === 0
          ? Promise.resolve([])
          : client.readContract({ address: d.Certificates, abi: moduleAbis.Certificates, functionName: 'getCertificates', args: [certificateIds] }),
      ]);
      return { xp: profile.xp, level, levelXp, nextLevelXp, certificates: [...certificates].reverse(), marketCredit, registryCredit };
    },
  });

  if (!address) return <WalletStatus />;
  if (me.isError) return <p role="alert" className="text-red-800">Your account could not be read: {me.error.message}</p>;
  if (!me.data) return <p className="text-slate-700">Reading your account…</p>;
  const m = me.data;
  const now = Number(block.data?.timestamp ?? BigInt(Math.floor(Date.now() / 1000)));
  return (
    <div className="flex flex-col gap-6">
      <WalletStatus />
      <p className="text-slate-700">
        Signed in as <span className="font-mono break-all">{address}</span> ·{' '}
        <Link href={`/collaborators/${address}`}>your profile</Link> · <Link href="/orders">your orders</Link>
      </p>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card flex flex-col gap-3" aria-labelledby="me-experience">
          <h2 id="me-experience" className="text-xl font-semibold">
            Experience
          </h2>
          <LevelBar xp={m.xp} level={m.level} currentLevelXp={m.levelXp} nextLevelXp={m.nextLevelXp} />
        </section>
        <section className="card flex flex-col gap-3" aria-labelledby="me-balance">
          <h2 id="me-balance" className="text-xl font-semibold">
            Marketplace balance
          </h2>
          <p>
            <span className="text-2xl font-bold" data-testid="market-credit">
              {formatEth(m.marketCredit, 18)}
            </span>{' '}
            <span className="text-slate-700">withdrawable (payouts and refunds)</span>
          </p>
          <CreditAction credit={m.marketCredit} module="Marketplace" />
        </section>
      </div>
      {m.registryCredit > 0n ? (
        <section className="card flex flex-col gap-3" aria-labelledby="me-slashed">
          <h2 id="me-slashed" className="text-xl font-semibold">
            Slashed-bond credit
          </h2>
          <p>
            <span className="text-2xl font-bold" data-testid="registry-credit">
              {formatEth(m.registryCredit, 18)}
            </span>{' '}
            <span className="text-slate-700">credited to you from slashed bonds</span>
          </p>
          <CreditAction credit={m.registryCredit} module="CollaboratorRegistry" />
        </section>
      ) : null}
      <section className="card flex flex-col gap-3" aria-labelledby="me-certificates">
        <h2 id="me-certificates" className="text-xl font-semibold">
          Your certificates
        </h2>
        {m.certificates.length === 0 ? (
          <p className="text-slate-700">No certificates.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {m.certificates.map((c) => {
              const state = c.revoked ? 'Revoked' : c.valid ? 'Valid' : Number(c.expiresAt) <= now ? 'Expired' : 'Not valid (issuer not in good standing)';
              return (
                <li key={String(c.id)} className="flex flex-wrap items-center gap-2 text-sm" data-testid="my-certificate">
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{CERTIFICATE_LEVELS[c.level] ?? `Level ${c.level}`}</span>
                  <span>
                    #{String(c.id)} by <Link href={`/collaborators/${c.issuer}`}>{shortAddress(c.issuer)}</Link>, until {formatDate(Number(c.expiresAt))}
                  </span>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${state === 'Valid' ? 'bg-green-100 text-green-900' : 'bg-slate-100 text-slate-800'}`}>{state}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function CreditAction({ credit, module }: { credit: bigint; module: 'Marketplace' | 'CollaboratorRegistry' }) {
  const { send, busy } = useContractWrite();
  if (credit === 0n) return <p className="text-sm text-slate-700">Nothing to withdraw.</p>;
  return module === 'Marketplace' ? (
    <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => send({ module: 'Marketplace', functionName: 'withdraw', args: [], label: 'Withdraw' })}>
      Withdraw
    </button>
  ) : (
    <button type="button" className="btn-primary self-start" disabled={busy} onClick={() => send({ module: 'CollaboratorRegistry', functionName: 'claim', args: [], label: 'Claim' })}>
      Claim
    </button>
  );
}
