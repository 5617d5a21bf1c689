// Command line of every agent: the common options (key, RPC, deployments, content store, poll
// interval, log level) plus the agent's own, parsed with node:util parseArgs, and a real --help.
import { parseArgs } from 'node:util';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DEFAULT_RPC_URL } from '../../lib/chain';
import { DEFAULT_CONTENT_URL } from './content';
import { AgentConfigError } from './errors';
import { LOG_LEVELS, type LogLevel } from './log';

export interface StringOption {
  type: 'string';
  description: string;
  default?: string;
  /** Shown in --help, e.g. "ETH" for `--price ETH`. */
  valueName?: string;
}
export interface BooleanOption {
  type: 'boolean';
  description: string;
}
export type OptionSpec = StringOption | BooleanOption;
export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed values of an agent's own options: booleans, strings with a default, other strings or undefined. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends BooleanOption ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

/** The options every agent takes. */
export interface CommonOptions {
  key: Hex;
  rpcUrl: string;
  /** Explicit --deployments file; null means deployments/<chainId>.json of the chain at rpcUrl. */
  deploymentsFile: string | null;
  contentUrl: string;
  pollMs: number;
  logLevel: LogLevel;
}

export interface AgentCli<O extends OptionSpecs> {
  /** Program name in logs and help, e.g. "service". */
  name: string;
  /** One paragraph: what the agent does. */
  summary: string;
  /** The agent's own options (names without the leading --). */
  options: O;
  /** The npm script that runs it, for the usage line (e.g. "npm run agent:service --"). */
  command?: string;
}

export type ParsedCli<O extends OptionSpecs> = { kind: 'help'; text: string } | { kind: 'run'; common: CommonOptions; values: OptionValues<O> };

export const DEFAULT_POLL_MS = 1_000;
export const KEY_ENV = 'OSO_AGENT_KEY';

const COMMON: Record<string, OptionSpec> = {
  key: { type: 'string', valueName: 'HEX', description: `the agent's private key, 0x + 64 hex digits (or env ${KEY_ENV})` },
  rpc: { type: 'string', valueName: 'URL', default: DEFAULT_RPC_URL, description: 'JSON-RPC endpoint of the chain' },
  deployments: { type: 'string', valueName: 'FILE', description: 'deployments file (default deployments/<chainId>.json)' },
  content: { type: 'string', valueName: 'URL', default: DEFAULT_CONTENT_URL, description: "the app's content store" },
  poll: { type: 'string', valueName: 'MS', default: String(DEFAULT_POLL_MS), description: 'milliseconds between two looks at the chain' },
  'log-level': { type: 'string', valueName: 'LEVEL', default: 'info', description: `lowest level logged: ${LOG_LEVELS.join(', ')}` },
  help: { type: 'boolean', description: 'show this help and exit' },
};

function optionLine(name: string, spec: OptionSpec): string {
  const flag = spec.type === 'string' ? `--${name} ${spec.valueName ?? 'VALUE'}` : `--${name}`;
  const fallback = spec.type === 'string' && spec.default !== undefined ? ` (default ${spec.default})` : '';
  return `  ${flag.padEnd(26)} ${spec.description}${fallback}`;
}

/** The --help text. */
export function helpText<O extends OptionSpecs>(cli: AgentCli<O>): string {
  const command = cli.command ?? `npm run agent:${cli.name} --`;
  const own = Object.entries(cli.options);
  return [
    `Usage: ${command} --key HEX [options]`,
    '',
    cli.summary,
    '',
    'Common options:',
    ...Object.entries(COMMON).map(([name, spec]) => optionLine(name, spec)),
    ...(own.length ? ['', `${cli.name} options:`, ...own.map(([name, spec]) => optionLine(name, spec))] : []),
    '',
    'Logs: one JSON object per line on stdout {time, level, agent, event, fields}.',
    'SIGINT/SIGTERM: stops taking work, finishes the current job, exits 0.',
    'Exit code 2: bad key, missing or invalid deployments file, wrong chain, no contract code.',
  ].join('\n');
}

/** Whether `key` is a usable secp256k1 private key. */
export function isPrivateKey(key: string): key is Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) return false;
  try {
    privateKeyToAccount(key as Hex);
    return true;
  } catch {
    return false;
  }
}

/** Parses `argv` (without node and the script); throws AgentConfigError on anything unusable. */
export function parseAgentCli<O extends OptionSpecs>(cli: AgentCli<O>, argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): ParsedCli<O> {
  for (const name of Object.keys(cli.options)) {
    if (name in COMMON) throw new Error(`Option --${name} of ${cli.name} clashes with a common option`);
  }
  const specs = { ...COMMON, ...cli.options };
  const config = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, spec.type === 'string' ? { type: 'string' as const, ...(spec.default !== undefined ? { default: spec.default } : {}) } : { type: 'boolean' as const, default: false }]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: false }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    throw new AgentConfigError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help === true) return { kind: 'help', text: helpText(cli) };

  const key = (values.key as string | undefined) ?? env[KEY_ENV];
  if (!key) throw new AgentConfigError(`Missing --key (or env ${KEY_ENV}): the agent's private key.`);
  if (!isPrivateKey(key)) throw new AgentConfigError('Malformed private key: expected 0x followed by 64 hex digits of a valid secp256k1 key.');
  const pollMs = Number(values.poll);
  if (!Number.isSafeInteger(pollMs) || pollMs < 50) throw new AgentConfigError(`--poll must be a whole number of milliseconds, at least 50 (got ${String(values.poll)}).`);
  const logLevel = values['log-level'] as string;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new AgentConfigError(`--log-level must be one of ${LOG_LEVELS.join(', ')}.`);
  const rpcUrl = values.rpc as string;
  const contentUrl = values.content as string;
  for (const [flag, url] of [['--rpc', rpcUrl], ['--content', contentUrl]] as const) {
    if (!/^https?:\/\/\S+$/.test(url)) throw new AgentConfigError(`${flag} must be an http(s) URL (got ${url}).`);
  }

  const own = Object.fromEntries(Object.keys(cli.options).map((name) => [name, values[name]])) as OptionValues<O>;
  return {
    kind: 'run',
    common: { key, rpcUrl, deploymentsFile: (values.deployments as string | undefined) ?? null, contentUrl, pollMs, logLevel: logLevel as LogLevel },
    values: own,
  };
}
