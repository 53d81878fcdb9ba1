import { Module, type DynamicModule } from '@nestjs/common';
import { FONTI_ISTANZA } from './fonti-istanza';
import { FontiIstanzaServizi } from './fonti-servizi';

/**
 * The sources of an istanza's istruttoria: FONTI_ISTANZA (accesso and presa in carico, read as the
 * service), for every module of the service (global). `messaging` is the very MessagingModule.forRoot()
 * the service module imports (the same object: one instance, its ServiceCaller).
 */
@Module({})
export class FontiModule {
  static forRoot(messaging: DynamicModule): DynamicModule {
    return {
      module: FontiModule,
      global: true,
      imports: [messaging],
      providers: [{ provide: FONTI_ISTANZA, useClass: FontiIstanzaServizi }],
      exports: [FONTI_ISTANZA],
    };
  }
}
