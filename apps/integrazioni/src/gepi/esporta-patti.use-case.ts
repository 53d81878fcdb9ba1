import { Injectable } from '@nestjs/common';
import {
  DomainError,
  INTEGRAZIONI_GEPI_CHIAMATE,
  type EsportaPattiGepiV1,
  type EsportazionePattiGepiV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { ServiceCaller, currentActor } from '@ambito/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TRACCIATO_PATTI_V1, csvPatti } from './tracciato-patti';

/**
 * The patti per l'inclusione and their monitoring of the coordinator's sub-ambiti, as CSV in the
 * documented layout (docs/gepi.md) for the operators to enter into GePI. Presa in carico is read with
 * this service's identity for the sub-ambiti of the coordinator asking, and the export is audited here
 * per cartella with the coordinator's purpose.
 */
@Injectable()
export class EsportaPattiGepiUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chiamate: ServiceCaller,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: EsportaPattiGepiV1): Promise<EsportazionePattiGepiV1> {
    const actor = currentActor();
    const traccia = { azione: 'esporta-patti-gepi', risorsa: 'patto-adi' };
    const subAmbiti = dto.subAmbito ? [dto.subAmbito] : actor.subAmbiti;
    if (subAmbiti.length === 0 || subAmbiti.some((s) => !actor.subAmbiti.includes(s)))
      throw await this.audit.negato(
        actor,
        traccia,
        new DomainError(
          'FUORI_AMBITO_TERRITORIALE',
          dto.subAmbito
            ? `Operazione non consentita: il sub-ambito ${dto.subAmbito} non è tra quelli assegnati.`
            : 'Nessun sub-ambito assegnato: nessun patto da esportare.',
        ),
      );
    const patti = await this.chiamate.chiama(
      INTEGRAZIONI_GEPI_CHIAMATE.patti,
      { subAmbiti },
      { motivo: `Esportazione per GePI dei patti ADI dei sub-ambiti ${subAmbiti.join(', ')}` },
    );
    const { csv, righe } = csvPatti(patti);
    await this.audit.consentito(this.dataSource.manager, actor, [
      { ...traccia },
      ...patti.map((p) => ({ ...traccia, risorsaId: p.progettoId, soggettoId: p.progettoId })),
    ]);
    return { tracciato: TRACCIATO_PATTI_V1.versione, righe, csv };
  }
}
