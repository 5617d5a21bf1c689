'use client';
// The dispute page's wallet islands, loaded only once the wallet stack is (a visitor's first load
// carries no wallet code); until then an offer to connect.
import dynamic from 'next/dynamic';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { DisputeActionProps } from './types';

const DisputeActions = dynamic(() => import('./DisputeActions'), { ssr: false, loading: () => <Skeleton /> });
const EvidenceForm = dynamic(() => import('./EvidenceForm'), { ssr: false, loading: () => <Skeleton /> });

function Skeleton() {
  return (
    <div className="animate-pulse text-sm text-slate-600" aria-busy="true">
      Loading…
    </div>
  );
}

function ConnectPrompt({ what }: { what: string }) {
  const { load, config } = useWalletLoader();
  if (!config) return null;
  return (
    <p className="text-sm text-slate-700">
      <button type="button" className="font-semibold text-brand-700 underline" onClick={() => load({ connect: true })}>
        Connect your wallet
      </button>{' '}
      {what}
    </p>
  );
}

export function DisputeActionsGate(props: DisputeActionProps) {
  const { module } = useWalletLoader();
  if (module) return <DisputeActions {...props} />;
  return <ConnectPrompt what="to move the dispute on, vote if you were drawn, or appeal." />;
}

export function EvidenceFormGate({ disputeId }: { disputeId: string }) {
  const { module } = useWalletLoader();
  if (module) return <EvidenceForm disputeId={disputeId} />;
  return <ConnectPrompt what="to submit evidence." />;
}
