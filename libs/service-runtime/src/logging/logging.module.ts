import { type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { RequestContext } from '@ambito/messaging';
import { erroreLoggabile, logSenzaDati, primoArgomentoSenzaDati } from './log-senza-dati';

/** Personal data never reaches the logs (GDPR art. 9: social and health data). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.codiceFiscale',
  '*.cognome',
  '*.nome',
  '*.dataNascita',
  '*.indirizzoResidenza',
  '*.recapiti',
  '*.telefono',
  '*.email',
  '*.richiesta',
  '*.note',
  '*.motivazione',
  '*.password',
];

export interface LoggingOptions {
  service: string;
  version: string;
  level?: string;
}

/** What a log line tells of an HTTP request: the query string may hold personal data (?codiceFiscale=…). */
export function requestSummary(req: { method: string; url: string; id: unknown }) {
  return { id: req.id, method: req.method, url: req.url.split('?')[0] };
}

/**
 * The current request or event's correlation id and user on every line, unless the line's logger is
 * the HTTP request's child logger, which already carries the correlation id (no key twice in a line).
 */
export function contextFields(
  _line: object,
  _level: number,
  logger?: { bindings?: () => Record<string, unknown> },
): Record<string, string | undefined> {
  const ctx = RequestContext.current();
  if (!ctx) return {};
  const bound = logger?.bindings?.().correlationId !== undefined;
  return bound
    ? { userId: ctx.actor?.userId }
    : { correlationId: ctx.correlationId, userId: ctx.actor?.userId };
}

/**
 * The pino options of every app (also what the tests build their logger from): level, service and
 * version on each line, redaction, the context mixin, requests without their query string.
 */
export function pinoOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { service: options.service, version: options.version },
    redact: { paths: REDACTED_PATHS, censor: '[riservato]' },
    // At any depth, in arrays too, and errors without their driver fields (log-senza-dati.ts).
    formatters: { log: logSenzaDati },
    // `logger.error(err)`: pino would take the raw message as the line's `msg`.
    hooks: { logMethod: primoArgomentoSenzaDati },
    mixin: contextFields,
    serializers: { req: requestSummary, err: erroreLoggabile },
  };
}

/** JSON logs with service, version and the correlation id of the current request or event. */
export function loggingModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      ...pinoOptions(options),
      customProps: (req) => ({ correlationId: (req as { correlationId?: string }).correlationId }),
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
    },
  });
}
