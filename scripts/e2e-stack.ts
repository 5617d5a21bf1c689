// Playwright's webServer: a fresh anvil (no saved state) on $OSO_E2E_ANVIL_PORT, the contracts
// deployed to it (addresses in .data/e2e/deployments.json), demo data seeded, and the production
// build served by `next start` on $OSO_E2E_APP_PORT. Needs `npm run build` first.
// Children are not detached: when Playwright kills this process group, they go with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devAccounts } from '../lib/devAccounts';
import { BIN, ROOT, deploy, startAnvil, stopProcess, type Anvil } from './lib/local';
import { localGovernanceEnv } from './lib/governance';

const DEPLOYMENTS_FILE = join(ROOT, '.data', 'e2e', 'deployments.json');
const CONTENT_DIR = join(ROOT, '.data', 'e2e', 'content');
const log = (line: string): void => console.log(`[e2e-stack] ${line}`);

function portFromEnv(name: string): number {
  const port = Number(process.env[name]);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new Error(`${name} must be set to a TCP port (playwright.config.ts sets it); got ${String(process.env[name])}`);
  }
  return port;
}

let anvil: Anvil | null = null;
let next: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number, reason?: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(`[e2e-stack] ${reason}`);
  if (next) await stopProcess(next, 'SIGTERM', 5_000);
  if (anvil) await anvil.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

/** A child exiting on its own stops the stack. Playwright signals the whole process group at
 * teardown, so give our own signal handler a moment to win before calling it a crash. */
function watch(child: ChildProcess, name: string): void {
  child.once('exit', (code, signal) => {
    setTimeout(() => void shutdown(1, `${name} exited unexpectedly (${code ?? signal})`), 500);
  });
}

async function main(): Promise<void> {
  const appPort = portFromEnv('OSO_E2E_APP_PORT');
  const anvilPort = portFromEnv('OSO_E2E_ANVIL_PORT');
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next: run `npm run build` first (npm run test:e2e does).');
  }
  const admin = devAccounts[0];
  if (!admin) throw new Error('lib/devAccounts.ts has no account 0');
  const started = Date.now();

  anvil = await startAnvil({ port: anvilPort });
  if (stopping) return;
  watch(anvil.process, 'anvil');
  const deployments = await deploy({ rpcUrl: anvil.rpcUrl, deploymentsFile: DEPLOYMENTS_FILE, privateKey: admin.privateKey, env: localGovernanceEnv() });
  if (stopping) return;
  const { seedDemo } = await import('./lib/seed');
  const seeded = await seedDemo(anvil.rpcUrl, deployments);
  const { seedMarketDemo } = await import('./lib/seedMarket');
  await seedMarketDemo(anvil.rpcUrl, deployments, CONTENT_DIR);
  const { seedCourtDemo } = await import('./lib/seedCourt');
  await seedCourtDemo(anvil.rpcUrl, deployments, CONTENT_DIR);
  const { seedGovernanceDemo } = await import('./lib/seedGovernance');
  await seedGovernanceDemo(anvil.rpcUrl, deployments);
  if (stopping) return;
  log(
    `chain ${deployments.chainId} at ${anvil.rpcUrl}, registry ${deployments.CollaboratorRegistry}, ` +
      `${seeded.joined.length} demo collaborators (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  next = spawn(BIN.next, ['start', '-p', String(appPort), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      OSO_RPC_URL: anvil.rpcUrl,
      OSO_CHAIN_ID: String(deployments.chainId),
      OSO_DEPLOYMENTS_FILE: DEPLOYMENTS_FILE,
      OSO_CONTENT_DIR: CONTENT_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
  });
  watch(next, 'next');
}

main().catch((error: unknown) => void shutdown(1, error instanceof Error ? error.message : String(error)));
