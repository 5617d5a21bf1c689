// npm start — the whole local organization in one command: builds the app when the sources changed,
// runs a local chain (anvil) whose state persists in .data/anvil/state.json, deploys and seeds it
// the first time, serves the production app on http://localhost:3000 and runs the reference
// collaborator programs (collaborators/). Ctrl-C stops everything cleanly; the next `npm start`
// continues with the same chain.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_CHAIN_ID } from '../lib/chain';
import { devAccounts } from '../lib/devAccounts';
import { AgentSupervisor } from './lib/agents';
import { localGovernanceEnv } from './lib/governance';
import {
  BIN,
  ROOT,
  defaultDeploymentsFile,
  deploy,
  isDeployed,
  isPidAlive,
  isPortInUse,
  readDeployments,
  rel,
  run,
  startAnvil,
  stopProcess,
  type Anvil,
} from './lib/local';

const APP_PORT = 3000;
const RPC_PORT = 8545;
const APP_URL = `http://localhost:${APP_PORT}`;
const DATA_DIR = join(ROOT, '.data');
const LOCK_FILE = join(DATA_DIR, 'oso.pid');
const STATE_FILE = join(DATA_DIR, 'anvil', 'state.json');
const DEPLOYMENTS_FILE = defaultDeploymentsFile(LOCAL_CHAIN_ID);

/** Inputs of `npm run build`: when any is newer than .next/BUILD_ID, the app is rebuilt. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'contracts/src',
  'public',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
];
const BUILD_EXCLUDED = [join(ROOT, 'lib', 'generated')];

const HELP = `Usage: npm start [-- options]

Runs OSO locally: a persistent anvil chain on ${RPC_PORT}, the contracts deployed (and demo data
seeded) on first start, the app on ${APP_URL} and the reference collaborators (a service agent,
a faulty demo service, a rating agent and a keeper). Stop with Ctrl-C; data is kept in
${rel(STATE_FILE)} for the next start.

Options:
  --rebuild   run npm run build even if the build looks up to date
  --reset     start from an empty chain (deletes ${rel(STATE_FILE)}), redeploy and reseed
  --help      show this help`;

const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (line: string): void => console.log(`[oso] ${line}`);

let anvil: Anvil | null = null;
let next: ChildProcess | null = null;
let agents: AgentSupervisor | null = null;
const trafficStop = new AbortController();
let ownsLock = false;
let stopping = false;

// ───────────────────────────────── Lock ─────────────────────────────────

function readLockPid(): number | null {
  try {
    const pid = Number.parseInt(readFileSync(LOCK_FILE, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alreadyRunning(pid: number): string {
  return `OSO is already running at ${APP_URL} (pid ${pid}); stop it with Ctrl-C in its terminal.`;
}

/** Takes .data/oso.pid, or explains why another instance prevents it. Returns an error message. */
async function acquireLock(): Promise<string | null> {
  const pid = readLockPid();
  if (pid !== null && pid !== process.pid && isPidAlive(pid)) return alreadyRunning(pid);
  if (existsSync(LOCK_FILE)) rmSync(LOCK_FILE, { force: true }); // stale: its process is gone

  const busy: number[] = [];
  for (const port of [APP_PORT, RPC_PORT]) if (await isPortInUse(port)) busy.push(port);
  if (busy.length > 0) {
    const which = busy.map((p) => (p === APP_PORT ? `${p} (app)` : `${p} (chain RPC)`)).join(' and ');
    return (
      `OSO looks already running: port ${which} ${busy.length > 1 ? 'are' : 'is'} in use, though no OSO lock file is held.\n` +
      `If it is OSO (${APP_URL}), stop it with Ctrl-C in its terminal; otherwise stop the program using the port ` +
      `(find it with: ss -ltnp | grep -E ':(${busy.join('|')})\\b').`
    );
  }

  mkdirSync(DATA_DIR, { recursive: true });
  try {
    const fd = openSync(LOCK_FILE, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
  } catch {
    const other = readLockPid();
    return alreadyRunning(other ?? 0);
  }
  ownsLock = true;
  return null;
}

function releaseLock(): void {
  if (ownsLock && readLockPid() === process.pid) rmSync(LOCK_FILE, { force: true });
  ownsLock = false;
}

// ───────────────────────────────── Build ─────────────────────────────────

function newestMtime(path: string): number {
  if (BUILD_EXCLUDED.includes(path)) return 0;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry.startsWith('.') || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when .next is up to date. */
function buildReason(force: boolean): string | null {
  if (force) return '--rebuild given';
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet';
  if (!existsSync(join(ROOT, 'lib', 'generated', 'abis.ts'))) return 'generated ABIs missing';
  const builtAt = statSync(buildId).mtimeMs;
  const changedAt = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
  return changedAt > builtAt ? 'sources changed since the last build' : null;
}

// ───────────────────────────────── Stop ─────────────────────────────────

/** Stops next, then anvil (SIGINT, so it dumps the chain), releases the lock and exits. */
async function shutdown(code: number, reason?: string): Promise<never> {
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  if (reason) console.error(`\n[oso] ${reason}`);
  else console.log('\n[oso] Stopping…');
  trafficStop.abort();
  if (agents) await agents.stop();
  if (next) await stopProcess(next, 'SIGTERM', 10_000);
  if (anvil) {
    const crashed = anvil.process.exitCode !== null && anvil.process.exitCode !== 0 || anvil.process.signalCode !== null;
    await anvil.stop();
    if (!crashed && anvil.process.exitCode === 0) say(`Chain state saved to ${rel(STATE_FILE)}`);
    else say(`anvil did not exit cleanly: ${rel(STATE_FILE)} holds the chain as of its last periodic save (every 5 s).`);
  }
  releaseLock();
  say(code === 0 ? 'Stopped.' : 'Stopped after an error.');
  process.exit(code);
}

let interrupts = 0;
function onSignal(signal: NodeJS.Signals): void {
  interrupts += 1;
  if (interrupts === 3) {
    console.error('[oso] Forced exit: anvil or next may still be running.');
    releaseLock();
    process.exit(1);
  }
  if (interrupts === 2) console.error('[oso] Still stopping (press Ctrl-C again to force)…');
  void shutdown(0, signal === 'SIGINT' ? undefined : `Received ${signal}, stopping…`);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
process.on('exit', releaseLock);

/** A child exiting on its own, outside shutdown, stops everything. Ctrl-C reaches the children
 * at the same time as this process, so wait a moment to tell a crash from a shared interrupt. */
function watch(child: ChildProcess, name: string): void {
  child.once('exit', (code, signal) => {
    setTimeout(() => {
      if (stopping) return;
      const how = code !== null ? `code ${code}` : `signal ${signal}`;
      void shutdown(1, `${name} exited unexpectedly (${how}); stopping the rest.`);
    }, 500);
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('next exited during startup');
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

// ───────────────────────────────── Main ─────────────────────────────────

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    process.exit(0);
  }
  const unknown = args.filter((a) => a !== '--rebuild' && a !== '--reset');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}\n\n${HELP}`);
    process.exit(2);
  }

  // (a) One instance at a time.
  const busy = await acquireLock();
  if (busy) {
    console.error(busy);
    process.exit(1);
  }

  // (b) Build when the sources are newer than the build.
  const reason = buildReason(args.includes('--rebuild'));
  if (reason) {
    say(`Building the app (${reason}): npm run build…`);
    const build = await run('npm', ['run', 'build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (stopping) return;
    if (build.code !== 0) return void (await shutdown(1, 'The build failed (see above); fix it and run npm start again.'));
    say(`Built (${elapsed()})`);
  } else {
    say('Build is up to date (npm start -- --rebuild forces one).');
  }

  // (c) The chain, persisted across restarts.
  if (args.includes('--reset') && existsSync(STATE_FILE)) {
    rmSync(STATE_FILE, { force: true });
    say(`--reset: removed ${rel(STATE_FILE)}; starting from an empty chain.`);
  }
  const resumed = existsSync(STATE_FILE);
  try {
    anvil = await startAnvil({ port: RPC_PORT, statePath: STATE_FILE, stateInterval: 5 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = resumed ? `\nIf ${rel(STATE_FILE)} is damaged or from another anvil version, start over with: npm start -- --reset` : '';
    return void (await shutdown(1, `${message}${hint}`));
  }
  if (stopping) return;
  watch(anvil.process, 'anvil');
  say(`Chain ${anvil.chainId} at ${anvil.rpcUrl} (${resumed ? `resumed from ${rel(STATE_FILE)}` : 'new chain'})`);

  // (d) Deploy and seed only a chain that has no deployment yet.
  let freshChain = false;
  const admin = devAccounts[0];
  if (!admin) throw new Error('lib/devAccounts.ts has no account 0');
  if (await isDeployed(anvil.rpcUrl, DEPLOYMENTS_FILE)) {
    say(`Contracts already deployed (${rel(DEPLOYMENTS_FILE)})`);
    const deployedAt = statSync(DEPLOYMENTS_FILE).mtimeMs;
    if (newestMtime(join(ROOT, 'contracts', 'src')) > deployedAt) {
      say('Note: contracts/src changed since this deployment; the chain still runs the old code. `npm start -- --reset` redeploys on a fresh chain.');
    }
  } else {
    say('Deploying the contracts…');
    try {
      await deploy({ rpcUrl: anvil.rpcUrl, deploymentsFile: DEPLOYMENTS_FILE, privateKey: admin.privateKey, env: localGovernanceEnv() });
    } catch (error) {
      if (stopping) return;
      return void (await shutdown(1, `Deployment failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (stopping) return;
    say(`Deployed; addresses in ${rel(DEPLOYMENTS_FILE)} (${elapsed()})`);
    freshChain = true;
    say('Seeding demo collaborators…');
    const { seedDemo } = await import('./lib/seed');
    const seeded = await seedDemo(anvil.rpcUrl, readDeployments(DEPLOYMENTS_FILE), (line) => console.log(`[oso] ${line}`));
    const { seedMarketDemo } = await import('./lib/seedMarket');
    await seedMarketDemo(anvil.rpcUrl, readDeployments(DEPLOYMENTS_FILE), join(DATA_DIR, 'content'), (line) => console.log(`[oso] ${line}`));
    say('Seeding the court (jurors, one ruled and one open dispute)…');
    const { seedCourtDemo } = await import('./lib/seedCourt');
    await seedCourtDemo(anvil.rpcUrl, readDeployments(DEPLOYMENTS_FILE), join(DATA_DIR, 'content'), (line) => console.log(`[oso] ${line}`));
    say('Seeding governance (proposals defeated, queued and open)…');
    const { seedGovernanceDemo } = await import('./lib/seedGovernance');
    await seedGovernanceDemo(anvil.rpcUrl, readDeployments(DEPLOYMENTS_FILE), (line) => console.log(`[oso] ${line}`));
    await (await import('./lib/seedActivity')).seedActivity(anvil.rpcUrl, readDeployments(DEPLOYMENTS_FILE), (line) => console.log(`[oso] ${line}`));
    for (const warning of seeded.warnings) say(`warning: ${warning}`);
  }
  if (stopping) return;
  const deployments = readDeployments(DEPLOYMENTS_FILE);

  // (e) The app.
  say('Starting the app…');
  next = spawn(BIN.next, ['start', '-p', String(APP_PORT)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      OSO_RPC_URL: anvil.rpcUrl,
      OSO_CHAIN_ID: String(anvil.chainId),
      OSO_DEPLOYMENTS_FILE: DEPLOYMENTS_FILE,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
  });
  watch(next, 'next');
  try {
    await waitForHttp(`http://127.0.0.1:${APP_PORT}/`, next, 60_000);
  } catch (error) {
    if (stopping) return;
    return void (await shutdown(1, `The app did not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (stopping) return;

  // (f) The reference collaborators: service, faulty demo service, rating agent, keeper.
  const contentDir = join(DATA_DIR, 'content');
  agents = new AgentSupervisor({
    rpcUrl: anvil.rpcUrl,
    deploymentsFile: DEPLOYMENTS_FILE,
    contentUrl: `http://127.0.0.1:${APP_PORT}/api/content`,
  });
  agents.start();
  say(`Reference collaborators started (logs in ${rel(join(DATA_DIR, 'logs'))})`);
  if (freshChain) {
    // Their first customers, in the background: the organization is usable meanwhile.
    const { seedAgentTraffic } = await import('./lib/seedAgentTraffic');
    void seedAgentTraffic(anvil.rpcUrl, deployments, contentDir, { log: (l) => console.log(`[oso] ${l}`), signal: trafficStop.signal }).catch(
      (error: unknown) => {
        if (!stopping) say(`warning: demo orders to the agents stopped: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  const line = '─'.repeat(66);
  console.log(`
${line}
  OSO is running (ready in ${elapsed()})

  App         ${APP_URL}
  Chain RPC   ${anvil.rpcUrl}   (chain id ${anvil.chainId}, anvil)
  Registry    ${deployments.CollaboratorRegistry}
  Data        ${rel(STATE_FILE)} — kept across restarts (--reset starts over)
  Wallet      the app's dev wallet uses anvil's test accounts; 1 and 2 are free to join
  Agents      service, faulty demo service, rating and keeper (logs: ${rel(join(DATA_DIR, 'logs'))})

  Stop        Ctrl-C (stops the app and the chain, saving the chain's state)
${line}
`);
}

main().catch((error: unknown) => {
  void shutdown(1, `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
