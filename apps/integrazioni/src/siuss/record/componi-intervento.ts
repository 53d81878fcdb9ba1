import type { InterventoPerSiussV1 } from '@ambito/contracts';
import type { SinaSiuss } from '../codici/sina-siuss';
import { componiRecord, type Composizione, type DatiPersona } from './componi-record';

/**
 * The coding of a progetto intervento is the progetto's own (the équipe coded it on the SIUSS
 * nomenclature when proposing it: codice, prova dei mezzi, carattere, area utenza): recorded as this
 * source instead of a version of codici-siuss.ts.
 */
export const VERSIONE_CODICI_PROGETTO = 'progetto-presa-in-carico';

/**
 * From an intervento of the approved progetto to its SIUSS prestazioni: the same composition as a
 * beneficio's (one per calendar year when periodic, the whole cost on the first day when one-off),
 * with the person in carico (PresaCarico 1: it is in a progetto) and the SINA section for area 2.
 * Pure. An intervento without the SIUSS fields (proposed before they existed) is not a prestazione
 * SIUSS can take.
 */
export function componiIntervento(
  i: InterventoPerSiussV1,
  persona: DatiPersona,
  sina: SinaSiuss | null,
): Composizione {
  if (i.caratterePrestazione === null || i.presenzaProvaMezzi === null || i.areaUtenza === null)
    return {
      esito: 'non-componibile',
      motivo: 'intervento senza carattere, prova dei mezzi o area utenza SIUSS',
    };
  if (i.caratterePrestazione === 1 && i.importoMensileCentesimi === null)
    return { esito: 'non-componibile', motivo: 'intervento periodico senza importo mensile' };
  const composizione = componiRecord({
    beneficio: {
      id: i.id,
      misura: 'progetto',
      strumento: i.codicePrestazione,
      importoMensileCentesimi: i.caratterePrestazione === 1 ? i.importoMensileCentesimi : null,
      importoTotaleCentesimi: i.costoCentesimi,
      dal: i.dal,
      al: i.al,
      terminaDal: null,
    },
    // ProtocolloDomanda is required: the progetto's protocol when given, else the intervento's id.
    istanza: {
      protocollo: i.protocolloDomanda ?? i.id.replaceAll('-', ''),
      protocolloDsu: null,
      dataDsu: null,
    },
    persona,
    presoInCarico: true,
    codifica: {
      codicePrestazione: i.codicePrestazione,
      denominazione: i.denominazione.slice(0, 200),
      areaUtenza: String(i.areaUtenza) as '1' | '2' | '3',
      provaMezzi: String(i.presenzaProvaMezzi) as '1' | '2' | '3' | '4',
      sina: i.areaUtenza === 2,
      versione: VERSIONE_CODICI_PROGETTO,
    },
    sina,
  });
  return composizione;
}
