import { Global, Module, type DynamicModule } from '@nestjs/common';
import { RegoleController } from './regole.controller';
import { RegoleIniziali } from './regole-iniziali';
import { AMBITO_REGOLE, RegoleRepository } from './regole.repository';
import { RegoleService } from './regole.service';

/**
 * The ambito's rule sets: storage, requests, defaults at start-up. Global, so that avvisi, istanze and
 * simulations inject `RegoleRepository` (`inVigore`, `leggi`) without importing it.
 */
@Global()
@Module({})
export class RegoleModule {
  static forRoot(ambito: string): DynamicModule {
    return {
      module: RegoleModule,
      controllers: [RegoleController],
      providers: [
        { provide: AMBITO_REGOLE, useValue: ambito },
        RegoleRepository,
        RegoleService,
        RegoleIniziali,
      ],
      exports: [RegoleRepository],
    };
  }
}
