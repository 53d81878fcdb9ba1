import { createServer, type Server } from 'node:http';
import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Logger,
  Module,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { MESSAGING_METRICS } from '@ambito/messaging';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Observable, tap } from 'rxjs';
import { TRACING_CONFIG, TRACING_SERVICE, TracingLifecycle, type TracingConfig } from '../tracing/tracing';

export const metricsRegistry = new Registry();

const handlerDuration = new Histogram({
  name: 'ambito_handler_duration_seconds',
  help: 'Durata della gestione di richieste HTTP e NATS',
  labelNames: ['transport', 'route', 'outcome'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

const handlerErrors = new Counter({
  name: 'ambito_handler_errors_total',
  help: 'Richieste HTTP e NATS terminate con errore',
  labelNames: ['transport', 'route'],
  registers: [metricsRegistry],
});

/** Times every HTTP and NATS handler by route/subject. */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const transport = context.getType();
    const route =
      transport === 'rpc'
        ? String(context.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.() ?? 'rpc')
        : `${context.getClass().name}.${context.getHandler().name}`;
    const end = handlerDuration.startTimer({ transport, route });
    return next.handle().pipe(
      tap({
        complete: () => end({ outcome: 'ok' }),
        error: () => {
          end({ outcome: 'error' });
          handlerErrors.inc({ transport, route });
        },
      }),
    );
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

/** Where the metrics are served and traces sent: what MetricsModule reads of the service's configuration. */
export interface MetricsConfig extends TracingConfig {
  NODE_ENV: string;
  METRICS_PORT?: number;
  METRICS_HOST: string;
}

const METRICS_CONFIG = Symbol('METRICS_CONFIG');

/**
 * `/metrics` on a management listener of its own (`METRICS_HOST:METRICS_PORT`), which is not the
 * public port: the metrics name routes, subjects and volumes nobody outside operations should see.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(@Inject(METRICS_CONFIG) private readonly config: MetricsConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === undefined) {
      if (this.config.NODE_ENV === 'production')
        new Logger('Metrics').warn('metriche non esposte: impostare METRICS_PORT (porta di gestione)');
      return;
    }
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      metricsRegistry.metrics().then(
        (body) => res.writeHead(200, { 'Content-Type': metricsRegistry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, this.config.METRICS_HOST, () => resolve());
    });
    this.server = server;
  }

  /** The port actually bound (METRICS_PORT, or the one chosen for port 0). */
  porta(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Whether `/metrics` is on the public port: only when no management port is configured and never in
 * production, where the public port faces the users.
 */
export function metricsOnPublicPort(config: MetricsConfig): boolean {
  return config.METRICS_PORT === undefined && config.NODE_ENV !== 'production';
}

@Module({})
export class MetricsModule {
  static forRoot(service: string, config: MetricsConfig): DynamicModule {
    if (!metricsRegistry.getSingleMetric('process_cpu_seconds_total')) {
      metricsRegistry.setDefaultLabels({ service });
      collectDefaultMetrics({ register: metricsRegistry });
    }
    // The backbone's counters (dead letters, parked outbox rows, purge) are served here too.
    for (const metric of MESSAGING_METRICS) {
      const name = (metric as unknown as { name: string }).name;
      if (!metricsRegistry.getSingleMetric(name)) metricsRegistry.registerMetric(metric);
    }
    return {
      module: MetricsModule,
      controllers: metricsOnPublicPort(config) ? [MetricsController] : [],
      providers: [
        { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
        { provide: METRICS_CONFIG, useValue: config },
        MetricsListener,
        // Tracing belongs to the same observability module: every service and the gateway have it.
        { provide: TRACING_CONFIG, useValue: config },
        { provide: TRACING_SERVICE, useValue: service },
        TracingLifecycle,
      ],
      exports: [MetricsListener],
    };
  }
}
