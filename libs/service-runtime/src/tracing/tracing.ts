import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { APP_VERSION } from '../version/app-version';

/** What the tracing reads of the service's configuration. */
export interface TracingConfig {
  /**
   * OTLP/HTTP collector (e.g. `http://otel-collector:4318`): spans go to `<endpoint>/v1/traces`.
   * Unset, nothing is exported (the trace context is still passed on, see @ambito/messaging tracing).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

export const TRACING_CONFIG = Symbol('TRACING_CONFIG');
export const TRACING_SERVICE = Symbol('TRACING_SERVICE');

/**
 * Installs the process's tracer provider when an OTLP endpoint is configured, with batched export, and
 * flushes it at shutdown. If one is already installed (a test's in-memory exporter) it is left alone.
 */
@Injectable()
export class TracingLifecycle implements OnApplicationShutdown {
  private provider?: BasicTracerProvider;

  constructor(@Inject(TRACING_CONFIG) config: TracingConfig, @Inject(TRACING_SERVICE) service: string) {
    const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (!endpoint) return;
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        [ATTR_SERVICE_NAME]: service,
        [ATTR_SERVICE_VERSION]: APP_VERSION,
      }),
      spanProcessors: [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` })),
      ],
    });
    if (!trace.setGlobalTracerProvider(provider)) {
      void provider.shutdown();
      return;
    }
    this.provider = provider;
    new Logger('Tracing').log({ endpoint }, 'tracce OpenTelemetry esportate via OTLP');
  }

  async onApplicationShutdown(): Promise<void> {
    const provider = this.provider;
    this.provider = undefined;
    if (!provider) return;
    await provider.shutdown().catch(() => undefined);
    trace.disable();
  }
}
