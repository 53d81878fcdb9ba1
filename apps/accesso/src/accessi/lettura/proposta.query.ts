import { Injectable } from '@nestjs/common';
import type { PropostaPresaInCaricoV1 } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { AccessiRepository } from '../accessi.repository';
import { accessoNonTrovato } from '../regole-accesso';

/**
 * The proposta di presa in carico of one closed accesso, for the service that takes charge of it
 * (`accesso.proposta.leggi`, service identity only): who the person is and the motivazione, which
 * `accesso.accesso.chiuso.v2` no longer carries. Only an accesso closed with a proposta answers; every
 * read (and refusal) is audited with the calling service and its declared purpose.
 */
@Injectable()
export class LeggiPropostaQuery {
  constructor(
    private readonly accessi: AccessiRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(accessoId: string): Promise<PropostaPresaInCaricoV1> {
    const actor = currentActor();
    const accesso = await this.accessi.carica(this.accessi.manager, accessoId);
    const traccia: Traccia = {
      azione: 'leggi-proposta',
      risorsa: 'accesso',
      risorsaId: accessoId,
      soggettoId: accesso?.personaId ?? null,
    };
    if (
      !accesso ||
      accesso.stato !== 'chiuso' ||
      accesso.esitoTipo !== 'proposta-presa-in-carico' ||
      !accesso.chiusoIl
    )
      throw await this.audit.negato(actor, traccia, accessoNonTrovato());
    await this.audit.consentito(this.accessi.manager, actor, [traccia]);
    const { persona } = accesso;
    return {
      accessoId: accesso.id,
      personaId: accesso.personaId,
      sede: accesso.sede,
      subAmbito: accesso.subAmbito,
      chiusoIl: accesso.chiusoIl.toISOString(),
      persona: {
        codiceFiscale: persona.codiceFiscale,
        cognome: persona.cognome,
        nome: persona.nome,
        dataNascita: persona.dataNascita,
        sesso: persona.sesso,
        // The ambito comune the person belongs to (residence, or domicile for a non-resident).
        comuneResidenza: accesso.comuneResidenza,
      },
      motivazione: accesso.esitoMotivazione ?? '',
      urgenza: accesso.esitoUrgenza ?? 'ordinaria',
    };
  }
}
