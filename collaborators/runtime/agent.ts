// The agent loop: parse the command line, connect, run `setup` once and `tick` every poll
// interval until SIGINT/SIGTERM. A failing setup or tick is logged and retried with capped
// exponential backoff, so the agent outlives an RPC or content store that goes away and comes
// back. A signal stops the loop after the current tick (ticks check `ctx.signal` between jobs);
// a second signal exits at once.
import { backoffDelay, sleep, type BackoffPolicy } from './backoff';
import { parseAgentCli, type AgentCli, type CommonOptions, type OptionSpecs, type OptionValues } from './cli';
import { connect, type ChainConnection } from './connect';
import { createContentClient, type ContentClient } from './content';
import { AgentConfigError, shortMessage, unreachableService } from './errors';
import { createLogger, type Logger } from './log';

/** Everything a tick works with. */
export interface AgentContext<O extends OptionSpecs = OptionSpecs> extends ChainConnection {
  /** The agent's name (as in its logs). */
  name: string;
  common: CommonOptions;
  /** The agent's own options, parsed. */
  options: OptionValues<O>;
  log: Logger;
  content: ContentClient;
  /** Aborts on SIGINT/SIGTERM: take no new job once it has. */
  signal: AbortSignal;
}

export interface AgentDefinition<O extends OptionSpecs, S> extends AgentCli<O> {
  /** Runs once after connecting (join the registry, list services, …); retried with backoff until it succeeds. */
  setup?: (ctx: AgentContext<O>) => Promise<S>;
  /** One round of work, every poll interval. */
  tick: (ctx: AgentContext<O>, state: S) => Promise<void>;
  /** Backoff after failures (default: poll interval doubling up to 15 s). */
  backoff?: Partial<BackoffPolicy>;
}

/** Exit codes: 0 stopped by a signal or --help, 2 configuration error. */
export const EXIT_OK = 0;
export const EXIT_CONFIG = 2;
export const EXIT_FORCED = 130;

export const DEFAULT_MAX_BACKOFF_MS = 15_000;

/** Runs the agent until a signal; resolves with the process exit code (does not exit). */
export async function startAgent<O extends OptionSpecs, S>(definition: AgentDefinition<O, S>, argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  let parsed;
  try {
    parsed = parseAgentCli(definition, argv);
  } catch (error) {
    if (!(error instanceof AgentConfigError)) throw error;
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    return EXIT_CONFIG;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    return EXIT_OK;
  }
  const { common, values } = parsed;
  const log = createLogger(definition.name, { minLevel: common.logLevel });
  const policy: BackoffPolicy = { baseMs: definition.backoff?.baseMs ?? common.pollMs, maxMs: definition.backoff?.maxMs ?? DEFAULT_MAX_BACKOFF_MS };

  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) {
      log.warn('agent.forced', { signal });
      process.exit(EXIT_FORCED);
    }
    log.info('agent.stopping', { signal });
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runUntilStopped(definition, common, values, log, stop.signal, policy);
  } catch (error) {
    if (!(error instanceof AgentConfigError)) throw error;
    log.error('agent.config', { error: error.message });
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    return EXIT_CONFIG;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runUntilStopped<O extends OptionSpecs, S>(
  definition: AgentDefinition<O, S>,
  common: CommonOptions,
  options: OptionValues<O>,
  log: Logger,
  signal: AbortSignal,
  policy: BackoffPolicy,
): Promise<number> {
  log.info('agent.starting', { rpc: common.rpcUrl, content: common.contentUrl, pollMs: common.pollMs });
  const connection = await connect(common, log, signal, policy);
  if (!connection) return stopped(log);
  const ctx: AgentContext<O> = { ...connection, name: definition.name, common, options, log, content: createContentClient(common.contentUrl), signal };
  log.info('agent.connected', { account: ctx.account.address, chainId: ctx.chain.id, deployments: ctx.deploymentsFile });

  let state: S | undefined;
  let ready = false;
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (!ready) {
        if (definition.setup) state = await definition.setup(ctx);
        ready = true;
        log.info('agent.ready', {});
      }
      await definition.tick(ctx, state as S);
      if (failures > 0) log.info('agent.recovered', { afterFailures: failures });
      failures = 0;
      await sleep(common.pollMs, signal);
    } catch (error) {
      if (error instanceof AgentConfigError) throw error;
      failures++;
      const retryInMs = backoffDelay(failures, policy);
      const unreachable = unreachableService(error);
      const event = unreachable ? `${unreachable}.unreachable` : ready ? 'tick.failed' : 'setup.failed';
      log.warn(event, { attempt: failures, retryInMs, error: shortMessage(error) });
      await sleep(retryInMs, signal);
    }
  }
  return stopped(log);
}

function stopped(log: Logger): number {
  log.info('agent.stopped', {});
  return EXIT_OK;
}

/** Runs the agent and exits the process with its exit code. The entry point of every agent's main.ts. */
export function runAgent<O extends OptionSpecs, S>(definition: AgentDefinition<O, S>): void {
  startAgent(definition).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${definition.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
