import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { MsgHdrs } from 'nats';

/*
 * Distributed tracing of the backbone (OpenTelemetry, W3C Trace Context). The trace context travels in
 * the `traceparent` (and `tracestate`) header of every hop: HTTP → gateway → NATS request → service →
 * outbox row → JetStream event → consumer → the consumer's own requests. Inside a process it rides in
 * the RequestContext (`trace`), which already follows every unit of work.
 *
 * Spans go to the global tracer provider: the service's MetricsModule installs one that exports over
 * OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, a test may install one with an in-memory exporter.
 * Without a provider spans are not recorded, but the incoming context is still passed on, so a trace
 * started upstream is not broken by a service that does not export.
 */

/** Propagation is ours, not the global API's: it works whether or not an SDK is installed. */
const w3c = new W3CTraceContextPropagator();

export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

const tracer = () => trace.getTracer('@ambito/messaging');

/** A span started under `parent` (none: a new trace), and the context that holds it. */
export function avviaSpan(
  name: string,
  kind: SpanKind,
  parent: Context | undefined,
  attributes: Attributes,
): { span: Span; context: Context } {
  const base = parent ?? ROOT_CONTEXT;
  const span = tracer().startSpan(name, { kind, attributes }, base);
  return { span, context: trace.setSpan(base, span) };
}

/** Ends a span with the outcome: an error code (ERROR_KINDS) marks it failed. */
export function chiudiSpan(span: Span, codiceErrore?: string): void {
  if (codiceErrore) {
    span.setAttribute('ambito.error.code', codiceErrore);
    span.setStatus({ code: SpanStatusCode.ERROR, message: codiceErrore });
  }
  span.end();
}

/** Writes `traceparent`/`tracestate` of the context into NATS headers (nothing without a valid span). */
export function iniettaTraccia(context: Context | undefined, headers: MsgHdrs): void {
  if (!context) return;
  w3c.inject(context, headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** The context of the incoming `traceparent`, if the message carries a valid one. */
export function estraiTraccia(headers: MsgHdrs | undefined): Context | undefined {
  if (!headers?.has('traceparent')) return undefined;
  return daIntestazioni((name) => (headers.has(name) ? headers.get(name) : undefined));
}

/** The same from any header reader (HTTP: `request.headers[name]`). */
export function daIntestazioni(get: (name: string) => string | string[] | undefined): Context | undefined {
  const context = w3c.extract(ROOT_CONTEXT, null, {
    get: (_carrier, key) => get(key),
    keys: () => [...TRACE_HEADERS],
  });
  return trace.getSpanContext(context) ? context : undefined;
}

/** The `traceparent` of a context, to keep with work that continues later (an outbox row). */
export function traceparentDi(context: Context | undefined): string | undefined {
  if (!context) return undefined;
  const carrier: Record<string, string> = {};
  w3c.inject(context, carrier, { set: (c, key, value) => (c[key] = value) });
  return carrier.traceparent;
}

/** The context a stored `traceparent` stands for. */
export function daTraceparent(traceparent: string | undefined): Context | undefined {
  if (!traceparent) return undefined;
  return daIntestazioni((name) => (name === 'traceparent' ? traceparent : undefined));
}

export { SpanKind };
