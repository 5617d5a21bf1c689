import Link from 'next/link';
import { Suspense } from 'react';
import { RegimeBadge } from './governance/RegimeBadge';
import { ConnectButton } from './wallet/ConnectButton';

const links = [
  { href: '/', label: 'Overview' },
  { href: '/collaborators', label: 'Collaborators' },
  { href: '/join', label: 'Join' },
  { href: '/orders', label: 'Orders' },
  { href: '/disputes', label: 'Disputes' },
  { href: '/governance', label: 'Governance' },
  { href: '/me', label: 'Me' },
];

export function Header() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <Link href="/" className="text-lg font-bold text-slate-900 no-underline hover:no-underline">
            OSO <span className="hidden font-normal text-slate-600 sm:inline">Open Source Organization</span>
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="text-slate-800">
                {link.label}
              </Link>
            ))}
          </nav>
          <Suspense fallback={null}>
            <RegimeBadge />
          </Suspense>
        </div>
        <ConnectButton />
      </div>
    </header>
  );
}
