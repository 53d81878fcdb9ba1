import type { CartellaSintesiV1 } from '@ambito/contracts';
import type { CartellaEntity } from '../../cartella/cartella.entity';
import type { PropostaEntity } from '../../cartella/proposta.entity';

/** A cartella as a list shows it: the person, the state, its proposte; no assessments or projects. */
export function toCartellaSintesiV1(c: CartellaEntity, proposte: PropostaEntity[]): CartellaSintesiV1 {
  return {
    id: c.id,
    persona: {
      codiceFiscale: c.codiceFiscale,
      cognome: c.cognome,
      nome: c.nome,
      dataNascita: c.dataNascita,
      sesso: c.sesso,
    },
    comuneResidenza: c.comuneResidenza,
    subAmbito: c.subAmbito,
    stato: c.stato,
    episodio: c.episodio,
    caseManager: c.caseManagerId ? { id: c.caseManagerId, nome: c.caseManagerNome ?? c.caseManagerId } : null,
    apertaIl: c.apertaIl.toISOString(),
    chiusura:
      c.stato === 'chiusa' && c.motivoChiusura && c.chiusaIl
        ? {
            motivo: c.motivoChiusura,
            il: c.chiusaIl.toISOString(),
            da: c.chiusaDa ?? '',
            note: c.noteChiusura,
          }
        : null,
    proposte: proposte.map((p) => ({
      id: p.id,
      origine: p.origine,
      accessoId: p.accessoId,
      inviante: p.inviante,
      motivazione: p.motivazione,
      urgenza: p.urgenza,
      stato: p.stato,
      ricevutaIl: p.ricevutaIl.toISOString(),
    })),
  };
}
