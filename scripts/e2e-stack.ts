// Playwright's webServer: a fresh anvil (no saved state) on $OSO_E2E_ANVIL_PORT, the contracts
// deployed to it (addresses in .data/e2e/deployments.json), demo data seeded, and the production
// build served by `next start` on $OSO_E2E_APP_PORT, and the reference service agent; answers on
// $OSO_E2E_READY_PORT once all of it is ready. Needs `npm run build` first.
// Children are not detached: when Playwright kills this process group, they go with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { agentAccounts, devAccounts } from '../lib/devAccounts';
import { marketplaceAbi } from '../lib/generated/abis';
import { JOBS } from '../collaborators/service/jobs';
import { BIN, ROOT, deploy, rpcClient, startAnvil, stopProcess, type Anvil } from './lib/local';
import { AgentSupervisor, REFERENCE_AGENTS } from './lib/agents';
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
let agents: AgentSupervisor | null = null;
let stopping = false;

async function shutdown(code: number, reason?: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (reason) console.error(`[e2e-stack] ${reason}`);
  if (agents) await agents.stop();
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
  await (await import('./lib/seedActivity')).seedActivity(anvil.rpcUrl, deployments);
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

  // The reference service agent serves the browser's orders; the stack is ready once it has listed
  // its services (so the directory does not change under the tests). Other agents stay off: the
  // keeper would settle orders that the tests settle themselves.
  agents = new AgentSupervisor({
    rpcUrl: anvil.rpcUrl,
    deploymentsFile: DEPLOYMENTS_FILE,
    contentUrl: `http://127.0.0.1:${appPort}/api/content`,
    pollMs: 500,
    logDir: join(ROOT, 'e2e', '.artifacts', 'agents'),
    print: (line) => {
      if (/ (WARN|ERROR) /.test(line)) log(line);
    },
  });
  agents.start(REFERENCE_AGENTS.filter((a) => a.name === 'service'));
  const client = rpcClient(anvil.rpcUrl);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (stopping) return;
    const ids = await client.readContract({ address: deployments.Marketplace, abi: marketplaceAbi, functionName: 'servicesOf', args: [agentAccounts.service.address] });
    if (ids.length >= JOBS.length) break;
    if (Date.now() > deadline) throw new Error('the reference service agent did not list its services within 90 s');
    await new Promise((done) => setTimeout(done, 250));
  }
  await markReady(portFromEnv('OSO_E2E_READY_PORT'));
  log(`ready: the service agent listed its services (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Answers 200 on `port` from now on: Playwright's webServer waits for it. */
function markReady(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer((_, response) => response.writeHead(200).end('ready'));
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
    server.unref();
  });
}

main().catch((error: unknown) => void shutdown(1, error instanceof Error ? error.message : String(error)));
