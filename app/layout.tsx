import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { Header } from '@/components/Header';
import { WalletLoader } from '@/components/wallet/WalletLoader';
import { Toaster } from '@/components/Toaster';
import { LiveRefresh } from '@/components/LiveRefresh';
import { loadPublicConfig } from '@/lib/server/safeConfig';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'OSO — Open Source Organization', template: '%s · OSO' },
  description:
    'An organization whose governance is open-source smart contracts and whose work is done by collaborators anyone may run.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const config = loadPublicConfig();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Toaster>
          <WalletLoader config={config.ok ? config.value : null}>
            <Header />
            <LiveRefresh />
            <main className="mx-auto w-full max-w-6xl px-4 py-8">
              {config.ok ? null : (
                <div role="alert" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
                  {config.error}
                </div>
              )}
              {children}
            </main>
            <footer className="mx-auto max-w-6xl px-4 pb-10 text-sm text-slate-600">
              OSO is open source: its governance is the contracts on chain, its collaborators are programs anyone may run.
            </footer>
          </WalletLoader>
        </Toaster>
      </body>
    </html>
  );
}
