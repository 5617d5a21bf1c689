// The reference collaborator programs of the local organization, run as child processes with their
// own funded accounts (lib/devAccounts.ts agentAccounts): each one's JSON log lines go to
// .data/logs/<agent>.log and, condensed to one readable line, to the console. An agent that exits
// on its own is restarted with backoff, unless it exited with code 2 (a configuration error it
// explained), so a crash never takes the organization down.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Hex } from 'viem';
import { agentAccounts } from '../../lib/devAccounts';
import { ROOT, stopProcess } from './local';

export type ReferenceAgentName = keyof typeof agentAccounts;

export interface AgentSpec {
  name: ReferenceAgentName;
  /** Entry point, relative to the repository root. */
  entry: string;
  key: Hex;
  /** The agent's own options. */
  args?: readonly string[];
}

/** Every reference program, with its entry point and account. */
export const REFERENCE_AGENTS: readonly AgentSpec[] = [
  { name: 'service', entry: 'collaborators/service/main.ts', key: agentAccounts.service.privateKey },
  { name: 'faulty', entry: 'collaborators/faulty-service/main.ts', key: agentAccounts.faulty.privateKey },
  // The demo audits every settled order (the default samples half), so fraud shows within seconds.
  { name: 'rating', entry: 'collaborators/rating/main.ts', key: agentAccounts.rating.privateKey, args: ['--sample-rate', '10000'] },
  { name: 'keeper', entry: 'collaborators/keeper/main.ts', key: agentAccounts.keeper.privateKey },
];

export interface AgentEnvironment {
  rpcUrl: string;
  deploymentsFile: string;
  contentUrl: string;
  /** Milliseconds between two looks at the chain. */
  pollMs?: number;
  /** Where the log files go (default .data/logs). */
  logDir?: string;
  /** Receives the condensed console lines. */
  print?: (line: string) => void;
}

/** One JSON log line of an agent (collaborators/runtime/log.ts), condensed for the console. */
export function condenseLogLine(agent: string, line: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return line.trim() === '' ? null : `[${agent}] ${line}`;
  }
  if (typeof parsed !== 'object' || parsed === null) return `[${agent}] ${line}`;
  const { time: _time, level, agent: _agent, event, fields, ...rest } = parsed as Record<string, unknown>;
  if (level === 'debug') return null;
  const all = { ...(typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {}), ...rest };
  const details = Object.entries(all)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const tag = level === 'warn' || level === 'error' ? ` ${String(level).toUpperCase()}` : '';
  return `[${agent}]${tag} ${String(event ?? '')}${details ? ` ${details}` : ''}`;
}

/** Runs the given agents until `stop()`; restarts one that exits on its own. */
export class AgentSupervisor {
  private readonly children = new Map<ReferenceAgentName, ChildProcess>();
  private readonly logs = new Map<ReferenceAgentName, WriteStream>();
  private stopping = false;

  constructor(private readonly env: AgentEnvironment) {}

  start(specs: readonly AgentSpec[] = REFERENCE_AGENTS): void {
    const dir = this.env.logDir ?? join(ROOT, '.data', 'logs');
    mkdirSync(dir, { recursive: true });
    for (const spec of specs) {
      this.logs.set(spec.name, createWriteStream(join(dir, `${spec.name}.log`), { flags: 'a' }));
      this.launch(spec, 0);
    }
  }

  private launch(spec: AgentSpec, restarts: number): void {
    const print = this.env.print ?? ((line: string) => console.log(line));
    // One process per agent (node with tsx's loader), so a signal reaches the agent itself.
    const args = [
      '--import',
      'tsx',
      join(ROOT, spec.entry),
      '--rpc', this.env.rpcUrl,
      '--deployments', this.env.deploymentsFile,
      '--content', this.env.contentUrl,
      '--poll', String(this.env.pollMs ?? 1_000),
      ...(spec.args ?? []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OSO_AGENT_KEY: spec.key },
    });
    this.children.set(spec.name, child);
    const log = this.logs.get(spec.name);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        log?.write(`${line}\n`);
        const condensed = condenseLogLine(spec.name, line);
        if (condensed) print(condensed);
      });
    }
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (code === 2) {
        print(`[${spec.name}] stopped: configuration error (see above); not restarting.`);
        return;
      }
      const delay = Math.min(30_000, 1_000 * 2 ** Math.min(restarts, 5));
      print(`[${spec.name}] exited (${code !== null ? `code ${code}` : `signal ${signal}`}); restarting in ${delay / 1000} s`);
      setTimeout(() => {
        if (!this.stopping) this.launch(spec, restarts + 1);
      }, delay).unref();
    });
  }

  /** SIGTERM to every agent (they finish the job at hand), then closes the log files. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.values()].map((child) => stopProcess(child, 'SIGTERM', 10_000)));
    await Promise.all([...this.logs.values()].map((log) => new Promise<void>((done) => log.end(done))));
  }
}
