import type { AccessoV1 } from '@ambito/contracts';
import type { AccessoEntity } from '../accesso.entity';
import type { AnnotazioneEntity } from '../annotazione.entity';

/**
 * The accesso as the desk reads it: the accesso with who the person is (persona aggregate) and its
 * annotazioni. Needs `persona` and `annotazioni` loaded.
 */
export function toAccessoV1(a: AccessoEntity): AccessoV1 {
  return {
    id: a.id,
    persona: {
      id: a.persona.id,
      codiceFiscale: a.persona.codiceFiscale,
      cognome: a.persona.cognome,
      nome: a.persona.nome,
    },
    comuneResidenza: a.comuneResidenza,
    dataOra: a.dataOra.toISOString(),
    sede: a.sede,
    subAmbito: a.subAmbito,
    operatore: { id: a.operatoreId, nome: a.operatoreNome },
    canale: a.canale,
    presentatoDa: a.presentatoDa,
    referente: a.referente,
    areaBisogno: a.areaBisogno,
    richiesta: a.richiesta,
    note: a.note,
    stato: a.stato,
    esito: a.esitoTipo
      ? {
          tipo: a.esitoTipo,
          servizio: a.esitoServizio,
          motivazione: a.esitoMotivazione,
          urgenza: a.esitoUrgenza,
          note: a.esitoNote,
        }
      : null,
    chiusoIl: a.chiusoIl?.toISOString() ?? null,
    annotazioni: [...(a.annotazioni ?? [])]
      .sort((x, y) => x.il.getTime() - y.il.getTime())
      .map((n) => ({ testo: n.testo, autore: n.autoreNome, il: n.il.toISOString() })),
  };
}

/** A page of accessi (persona loaded) with the annotazioni loaded for the page. */
export function toAccessiV1(righe: AccessoEntity[], annotazioni: AnnotazioneEntity[]): AccessoV1[] {
  return righe.map((a) =>
    toAccessoV1({ ...a, annotazioni: annotazioni.filter((n) => n.accessoId === a.id) }),
  );
}
