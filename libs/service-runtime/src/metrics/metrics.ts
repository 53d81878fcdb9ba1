import {
  Controller,
  Get,
  Header,
  Injectable,
  Module,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { MESSAGING_METRICS } from '@ambito/messaging';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Observable, tap } from 'rxjs';

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

@Module({})
export class MetricsModule {
  static forRoot(service: string): DynamicModule {
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
      controllers: [MetricsController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: MetricsInterceptor }],
    };
  }
}
