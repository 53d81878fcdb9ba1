import { Controller, Get, Inject, Injectable, Module, Optional, type DynamicModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '@ambito/messaging';

/** NATS is ready when the connection is open and a round trip to the server completes in time. */
@Injectable()
export class NatsHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  async check(key = 'nats', timeoutMs = 1000) {
    const check = this.indicator.check(key);
    if (this.nats.isClosed()) return check.down({ message: 'connessione chiusa' });
    try {
      await Promise.race([
        this.nats.flush(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return check.up();
    } catch (error) {
      return check.down({ message: String((error as Error).message) });
    }
  }
}

export const HEALTH_WITH_DATABASE = Symbol('HEALTH_WITH_DATABASE');

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly nats: NatsHealthIndicator,
    @Inject(HEALTH_WITH_DATABASE) private readonly withDatabase: boolean,
    @Optional() private readonly db?: TypeOrmHealthIndicator,
  ) {}

  /** The process is alive (no dependency checked: a restart would not fix them). */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready to take traffic: database and NATS answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.nats.check('nats'),
      ...(this.withDatabase && this.db ? [() => this.db!.pingCheck('database', { timeout: 1000 })] : []),
    ]);
  }
}

@Module({})
export class HealthModule {
  static forRoot(options: { database: boolean }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ gracefulShutdownTimeoutMs: 0 })],
      controllers: [HealthController],
      providers: [NatsHealthIndicator, { provide: HEALTH_WITH_DATABASE, useValue: options.database }],
    };
  }
}
