'use client';
// On a profile: certificate actions for a connected rating collaborator (issue) or issuer (revoke).
// Loaded only once the wallet stack is, so the profile's first load carries no wallet code.
import dynamic from 'next/dynamic';
import { useWalletLoader } from '../wallet/WalletLoader';
import type { CertifierProps } from './ownerTypes';

const CertifierActions = dynamic(() => import('./CertifierActions'), { ssr: false });

export function CertifierGate(props: CertifierProps) {
  const { module, config } = useWalletLoader();
  if (!config || !module) return null;
  return <CertifierActions {...props} />;
}
