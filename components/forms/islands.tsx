'use client';
// Wallet-using forms are code-split: their modules (and wagmi) load only when the wallet stack does.
import dynamic from 'next/dynamic';
import { RequireWallet } from '../wallet/WalletLoader';
import type { NewProposalProps } from './NewProposal';
import type { ProposalActionsProps } from './ProposalActions';

const JoinForm = dynamic(() => import('./JoinForm'), { ssr: false, loading: () => <FormSkeleton /> });
const Orders = dynamic(() => import('./Orders'), { ssr: false, loading: () => <FormSkeleton /> });
const Me = dynamic(() => import('./Me'), { ssr: false, loading: () => <FormSkeleton /> });
const Activity = dynamic(() => import('./Activity'), { ssr: false, loading: () => <FormSkeleton /> });
const Court = dynamic(() => import('./Court'), { ssr: false, loading: () => <FormSkeleton /> });
const OrderForm = dynamic(() => import('./OrderForm'), { ssr: false, loading: () => <FormSkeleton /> });

function FormSkeleton() {
  return (
    <div className="card animate-pulse text-slate-600" aria-busy="true">
      Loading the form…
    </div>
  );
}

export function JoinFormIsland() {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <JoinForm />
    </RequireWallet>
  );
}

export function OrderFormIsland(props: { serviceId: string; price: string; seller: `0x${string}` }) {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <OrderForm {...props} />
    </RequireWallet>
  );
}

export function OrdersIsland() {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <Orders />
    </RequireWallet>
  );
}

export function MeIsland() {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <Me />
    </RequireWallet>
  );
}

export function ActivityIsland() {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <Activity />
    </RequireWallet>
  );
}

export function CourtIsland() {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <Court />
    </RequireWallet>
  );
}

const ProposalActions = dynamic(() => import('./ProposalActions'), { ssr: false, loading: () => <FormSkeleton /> });

export function ProposalActionsIsland(props: ProposalActionsProps) {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <ProposalActions {...props} />
    </RequireWallet>
  );
}

const NewProposal = dynamic(() => import('./NewProposal'), { ssr: false, loading: () => <FormSkeleton /> });

export function NewProposalIsland(props: NewProposalProps) {
  return (
    <RequireWallet fallback={<FormSkeleton />}>
      <NewProposal {...props} />
    </RequireWallet>
  );
}
