// An agent started as a real process (tsx), its JSON log lines collected for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, waitForExit } from '../../scripts/lib/local';
import type { LogLine } from '../runtime/log';

export interface AgentProcess {
  child: ChildProcess;
  lines: LogLine[];
  stderr(): string;
  /** Resolves with the first log line (past or future) that matches, or rejects after `timeoutMs`. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null>;
}

/**
 * Starts `collaborators/<entry>` with `args` in one node process with tsx's loader — not the tsx
 * CLI, which runs the program in a second process that a SIGKILL of the first would leave behind.
 */
export function startAgentProcess(entry: string, args: readonly string[], env: Record<string, string> = {}): AgentProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'collaborators', entry), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; done: (line: LogLine) => void }[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { time: '', level: 'error', agent: '?', event: 'log.not-json', fields: { text } };
      }
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.done(line);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    lines,
    stderr: () => stderr,
    waitForLog(match, timeoutMs = 30_000) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching log line within ${timeoutMs} ms. stderr: ${stderr}\nlog:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`)), timeoutMs);
        waiters.push({ match, done: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
    exited: async () => {
      await waitForExit(child);
      return child.exitCode;
    },
  };
}
