// Structured logs: one JSON object per line on stdout — time, level, agent, event, fields.
// bigints are written as decimal strings, errors as their message, so every line parses as JSON.

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface LogLine {
  time: string;
  level: LogLevel;
  agent: string;
  event: string;
  fields: LogFields;
}

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return value.message;
  return value;
}

/** One log line as JSON text (no trailing newline). */
export function formatLogLine(line: LogLine): string {
  return JSON.stringify(line, jsonSafe);
}

/**
 * A logger for `agent` writing to `write` (default: stdout). Lines below `minLevel` are dropped.
 * `now` is injectable for tests.
 */
export function createLogger(
  agent: string,
  options: { minLevel?: LogLevel; write?: (text: string) => void; now?: () => Date } = {},
): Logger {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const now = options.now ?? (() => new Date());
  const threshold = LOG_LEVELS.indexOf(options.minLevel ?? 'info');
  const emit = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    write(`${formatLogLine({ time: now().toISOString(), level, agent, event, fields })}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
