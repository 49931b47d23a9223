import { maskSecrets } from './mask';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  at: number;
  level: LogLevel;
  scope: string;
  message: string;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  readonly scope: string;
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  child(scope: string): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** A scoped logger (`twitch:irc`, `chatkc`, …). Every line passes through `maskSecrets` before any sink. */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info', scope = 'onair'): Logger {
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    if (RANK[level] < RANK[minLevel]) return;
    sink({ at: Date.now(), level, scope, message: maskSecrets(message + describe(detail)) });
  };
  return {
    scope,
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    child: (sub) => createLogger(sink, minLevel, `${scope}:${sub}`),
  };
}

export function formatRecord(record: LogRecord): string {
  return `${new Date(record.at).toISOString()} ${record.level.toUpperCase().padEnd(5)} [${record.scope}] ${record.message}`;
}

/** Writes to stderr, so stdout stays free for the URLs the CLI prints. */
export const consoleSink: LogSink = (record) => {
  process.stderr.write(`${formatRecord(record)}\n`);
};

/** Collects records in memory (tests, and the mod window's recent-log view). */
export function memorySink(limit = 1000): { sink: LogSink; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return {
    records,
    sink: (record) => {
      records.push(record);
      if (records.length > limit) records.shift();
    },
  };
}

export const silentLogger: Logger = createLogger(() => {}, 'error');
