import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { REGOLE_PREDEFINITE_2025 } from './predefinite-2025';
import { RegoleRepository } from './regole.repository';

/**
 * Installs the default 2025 rule sets (predefinite-2025.ts) in force in the service's ambito, for each
 * measure that has no version at all yet: idempotent at every start and across replicas (the measure's
 * lock), and never over what the Ufficio di Piano made.
 */
@Injectable()
export class RegoleIniziali implements OnApplicationBootstrap {
  private readonly log = new Logger(RegoleIniziali.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const installate = await this.installa();
    if (installate.length > 0) this.log.log(`Regole predefinite installate: ${installate.join(', ')}`);
  }

  /** The measures whose defaults it installed. */
  async installa(): Promise<string[]> {
    const installate: string[] = [];
    for (const documento of REGOLE_PREDEFINITE_2025) {
      await this.dataSource.transaction(async (manager) => {
        await this.regole.bloccaMisura(manager, documento.misura);
        if (await this.regole.esisteMisura(manager, documento.misura)) return;
        await this.regole.inserisci(
          manager,
          { id: randomUUID(), documento, stato: 'in-vigore', derivataDa: null, creataDa: 'sistema' },
          1,
        );
        installate.push(`${documento.misura} ${documento.annualita}`);
      });
    }
    return installate;
  }
}
