'use client';
import dynamic from 'next/dynamic';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { OwnedCollaborator } from './ownerTypes';

const OwnerActions = dynamic(() => import('./OwnerActions'), { ssr: false });

/** On a profile: the owner's actions once the wallet is loaded; until then an offer to connect. */
export function OwnerActionsGate({ collaborator }: { collaborator: OwnedCollaborator }) {
  const { module, load, config } = useWalletLoader();
  if (!config) return null;
  if (module) return <OwnerActions collaborator={collaborator} />;
  return (
    <p className="text-sm text-slate-700">
      Is this you?{' '}
      <button type="button" className="font-semibold text-brand-700 underline" onClick={() => load({ connect: true })}>
        Connect your wallet
      </button>{' '}
      to add bond, update the profile, leave or withdraw.
    </p>
  );
}
