// Helpers for running OSO locally: free ports, an anvil chain, deploying the contracts with the
// forge script and checking whether a deployment is live. Used by scripts/start.ts,
// scripts/e2e-stack.ts, scripts/deploy.ts, scripts/seed.ts and playwright.config.ts.
// (No 'server-only' imports here: these run under tsx / Playwright, not inside Next.)
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPublicClient, http, isAddress, type Address, type PublicClient } from 'viem';
import { parseDeployments, type Deployments } from '../../lib/chain';
import { FUNDED_ACCOUNTS } from '../../lib/devAccounts';

/** The repository root (scripts/lib/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A Foundry tool's native binary from its platform package (@foundry-rs/<tool>-<os>-<arch>).
 * Not node_modules/.bin/<tool>: that npm wrapper (1.7.1) always exits 0, whatever the tool's exit
 * code, and on SIGINT/SIGTERM forwards the signal and dies without waiting for the tool, so anvil
 * would still be dumping its state while we think it stopped. Falls back to the wrapper.
 */
export function foundryBin(tool: 'anvil' | 'forge' | 'cast'): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const native = join(ROOT, 'node_modules', '@foundry-rs', `${tool}-${process.platform}-${arch}`, 'bin', exe);
  return existsSync(native) ? native : join(ROOT, 'node_modules', '.bin', tool);
}

/** Binaries from node_modules (never through npx: killing npx would leave anvil running). */
export const BIN = {
  anvil: foundryBin('anvil'),
  forge: foundryBin('forge'),
  cast: foundryBin('cast'),
  next: join(ROOT, 'node_modules', '.bin', 'next'),
  tsx: join(ROOT, 'node_modules', '.bin', 'tsx'),
} as const;

/** A deployments file as Deploy.s.sol writes it. */
export interface DeploymentsFile extends Deployments {
  CollaboratorRegistryImplementation: Address | null;
}

/** Path relative to the repository root, for messages. */
export function rel(path: string): string {
  const r = relative(ROOT, path);
  return r.startsWith('..') || isAbsolute(r) ? path : r;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

// ───────────────────────────────── Ports ─────────────────────────────────

/** A TCP port that was free a moment ago (the OS picks it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not determine a free port'));
        return;
      }
      const { port } = address;
      server.close(() => resolvePort(port));
    });
  });
}

function canConnect(port: number, host: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host });
    const finish = (result: boolean): void => {
      socket.destroy();
      done(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once('error', () => done(false));
    server.listen({ port, ...(host ? { host } : {}), exclusive: true }, () => server.close(() => done(true)));
  });
}

/** Whether something listens on `port` (tried on 127.0.0.1 and ::1), or it cannot be bound. */
export async function isPortInUse(port: number): Promise<boolean> {
  if (await canConnect(port, '127.0.0.1')) return true;
  if (await canConnect(port, '::1')) return true;
  return !(await canListen(port, '127.0.0.1'));
}

// ───────────────────────────────── Processes ─────────────────────────────────

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout + stderr, when captured (stdio 'pipe'). */
  output: string;
}

/** Runs a command to completion. With `capture`, output is collected instead of shown. */
export function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; capture?: boolean; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((done, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    };
    const child = spawn(command, args, spawnOptions);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => done({ code, signal, output }));
  });
}

/** Resolves when the child has exited (immediately if it already has). */
export function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Sends `signal`, waits up to `timeoutMs` for the exit, then SIGKILLs. True if it exited in time. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT', timeoutMs = 15_000): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = waitForExit(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), timeoutMs)));
  const inTime = await Promise.race([exited.then(() => true), timedOut]);
  clearTimeout(timer);
  if (!inTime) {
    child.kill('SIGKILL');
    await exited;
  }
  return inTime;
}

/** Whether a process with this pid exists. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ───────────────────────────────── RPC ─────────────────────────────────

export function rpcClient(rpcUrl: string): PublicClient {
  return createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 10_000 }) });
}

/** Polls eth_chainId until the node answers; returns the chain id. */
export async function waitForRpc(rpcUrl: string, options: { timeoutMs?: number; isAlive?: () => string | null } = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1_000 }) });
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  for (;;) {
    const dead = options.isAlive?.();
    if (dead) throw new Error(dead);
    try {
      return await client.getChainId();
    } catch (error) {
      lastError = errorMessage(error).split('\n')[0] ?? lastError;
    }
    if (Date.now() > deadline) {
      throw new Error(`The RPC at ${rpcUrl} did not answer eth_chainId within ${timeoutMs / 1000} s (last error: ${lastError})`);
    }
    await sleep(150);
  }
}

// ───────────────────────────────── Anvil ─────────────────────────────────

export interface AnvilOptions {
  port: number;
  /** Load the chain from this file if it exists and dump it there on exit (and every `stateInterval` s). */
  statePath?: string;
  /** Seconds between periodic state dumps (default 5). */
  stateInterval?: number;
  /** Longest wait for the RPC to answer (default 20 s). */
  timeoutMs?: number;
  /** Extra anvil arguments. */
  args?: readonly string[];
}

export interface Anvil {
  rpcUrl: string;
  process: ChildProcess;
  chainId: number;
  /** SIGINT (anvil dumps its state on a clean exit), then waits for the exit. */
  stop(): Promise<void>;
}

/** Block gas limit of the local chains (anvil's default is 30M; a full deployment takes ~40M). */
export const LOCAL_BLOCK_GAS_LIMIT = 100_000_000;

/** Starts node_modules/.bin/anvil and waits until its RPC answers. */
export async function startAnvil(options: AnvilOptions): Promise<Anvil> {
  const { port } = options;
  // Every dev account the dev wallet offers is funded (anvil's default is 10).
  const args = ['--port', String(port), '--silent', '--accounts', String(FUNDED_ACCOUNTS)];
  if (options.statePath) {
    mkdirSync(dirname(options.statePath), { recursive: true });
    args.push('--state', options.statePath, '--state-interval', String(options.stateInterval ?? 5));
  }
  // Room for the whole deployment in one block: forge script broadcasts in bursts, and anvil's
  // automine packs a burst into one block up to the gas limit, leaving the rest pending until the
  // next transaction arrives — which never does while forge waits for their receipts.
  if (!options.args?.includes('--gas-limit')) args.push('--gas-limit', String(LOCAL_BLOCK_GAS_LIMIT));
  args.push(...(options.args ?? []));

  const child = spawn(BIN.anvil, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  let spawnError: Error | null = null;
  child.once('error', (error) => (spawnError = error));

  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await stopProcess(child, 'SIGINT', 20_000);
  };
  try {
    const chainId = await waitForRpc(rpcUrl, {
      timeoutMs: options.timeoutMs ?? 20_000,
      isAlive: () => {
        if (spawnError) return `Could not start ${rel(BIN.anvil)}: ${spawnError.message}`;
        if (child.exitCode !== null || child.signalCode !== null) {
          const how = child.exitCode !== null ? `code ${child.exitCode}` : `signal ${child.signalCode}`;
          return `anvil exited during startup (${how})${stderr.trim() ? `:\n${stderr.trim()}` : ''}`;
        }
        return null;
      },
    });
    return { rpcUrl, process: child, chainId, stop };
  } catch (error) {
    await stop();
    throw new Error(`anvil on port ${port} failed to start: ${errorMessage(error)}`);
  }
}

// ───────────────────────────────── Deployments ─────────────────────────────────

/** The default deployments file for a chain: deployments/<chainId>.json. */
export function defaultDeploymentsFile(chainId: number): string {
  return join(ROOT, 'deployments', `${chainId}.json`);
}

/** Reads and validates a deployments file. */
export function readDeployments(file: string): DeploymentsFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const implementation = parsed.CollaboratorRegistryImplementation;
  return {
    ...parseDeployments(parsed, rel(file)),
    CollaboratorRegistryImplementation: typeof implementation === 'string' && isAddress(implementation) ? implementation : null,
  };
}

/** True when `deploymentsFile` exists, is for the chain at `rpcUrl`, and the registry has code there. */
export async function isDeployed(rpcUrl: string, deploymentsFile: string): Promise<boolean> {
  if (!existsSync(deploymentsFile)) return false;
  let deployments: DeploymentsFile;
  try {
    deployments = readDeployments(deploymentsFile);
  } catch {
    return false;
  }
  const client = rpcClient(rpcUrl);
  if ((await client.getChainId()) !== deployments.chainId) return false;
  const code = await client.getCode({ address: deployments.CollaboratorRegistry });
  return code !== undefined && code !== '0x';
}

export interface DeployOptions {
  rpcUrl: string;
  /** Where to write the addresses (default deployments/<chainId>.json). */
  deploymentsFile?: string;
  /** Broadcaster key. Omit only when `forgeArgs` name another signer (e.g. --account, --ledger). */
  privateKey?: string;
  /** Extra `forge script` arguments (e.g. --slow, --verify). */
  forgeArgs?: readonly string[];
  /** Extra environment for the script (MIN_BOND, UNBONDING_PERIOD, REGIME, COUNCIL, MIN_DELAY, …). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Collect forge's output and show it only on failure (default true). */
  quiet?: boolean;
}

/** Runs contracts/script/Deploy.s.sol with --broadcast and returns the deployments it wrote. */
export async function deploy(options: DeployOptions): Promise<DeploymentsFile> {
  const client = rpcClient(options.rpcUrl);
  const chainId = await client.getChainId();
  const file = resolve(options.deploymentsFile ?? defaultDeploymentsFile(chainId));
  // The script writes its JSON during the local simulation, before anything is broadcast. Let it
  // write to a scratch file (inside forge's fs_permissions) and move it into place only on success,
  // so a failed deployment never overwrites or fakes the real file.
  const scratchDir = join(ROOT, '.data', 'tmp');
  mkdirSync(scratchDir, { recursive: true });
  const scratch = join(scratchDir, `deployments-${process.pid}-${Date.now()}.json`);
  const args = ['script', 'contracts/script/Deploy.s.sol', '--rpc-url', options.rpcUrl, '--broadcast'];
  if (options.privateKey) args.push('--private-key', options.privateKey);
  args.push(...(options.forgeArgs ?? []));
  const quiet = options.quiet ?? true;
  try {
    const result = await run(BIN.forge, args, {
      capture: quiet,
      env: { ...process.env, ...options.env, DEPLOYMENTS_FILE: scratch },
    });
    if (result.code !== 0) {
      const shown = quiet ? `\n${result.output.trim()}` : '';
      throw new Error(`forge script Deploy.s.sol failed (exit ${result.code ?? result.signal})${shown}`);
    }
    if (!existsSync(scratch)) throw new Error('forge script succeeded but wrote no deployments JSON');
    const deployments = readDeployments(scratch);
    if (deployments.chainId !== chainId) {
      throw new Error(`The deployment is for chain ${deployments.chainId}, but ${options.rpcUrl} is chain ${chainId}`);
    }
    // Some remote RPCs lag behind the node that took the transactions: give them a few seconds.
    let code: string | undefined;
    for (let attempt = 0; attempt < 10 && (code === undefined || code === '0x'); attempt++) {
      if (attempt > 0) await sleep(1_000);
      code = await client.getCode({ address: deployments.CollaboratorRegistry });
    }
    if (code === undefined || code === '0x') {
      throw new Error(`forge script finished but CollaboratorRegistry ${deployments.CollaboratorRegistry} has no code on chain ${chainId}`);
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(deployments, null, 2)}\n`);
    return deployments;
  } finally {
    rmSync(scratch, { force: true });
  }
}
