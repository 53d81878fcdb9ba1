import type { ImputazioneBudgetV1, ProgettoV1, VoceBudgetProgettoV1 } from '@ambito/contracts';
import type { InterventoEntity } from './intervento.entity';
import type { ProgettoEntity } from './progetto.entity';
import { toRisorsaProgettoV1, type RisorsaProgettoEntity } from './risorsa-progetto.entity';

export function imputazione(i: InterventoEntity): ImputazioneBudgetV1 | null {
  return i.imputazioneFondo !== null && i.imputazioneLinea !== null && i.imputazioneAnnualita !== null
    ? { fondo: i.imputazioneFondo, linea: i.imputazioneLinea, annualita: i.imputazioneAnnualita }
    : null;
}

/** The money of the budget di progetto: one entry per source and, for the budget's funds, per imputazione. */
function budgetEconomico(interventi: InterventoEntity[]): VoceBudgetProgettoV1[] {
  const voci = new Map<string, VoceBudgetProgettoV1>();
  for (const i of interventi) {
    const imp = imputazione(i);
    const chiave = [i.fonteFinanziamento, imp?.fondo, imp?.linea, imp?.annualita].join('|');
    const voce = voci.get(chiave) ?? {
      fonteFinanziamento: i.fonteFinanziamento,
      imputazione: imp,
      costoCentesimi: 0,
    };
    voce.costoCentesimi += i.costoCentesimi;
    voci.set(chiave, voce);
  }
  return [...voci.values()];
}

export function toProgettoV1(
  p: ProgettoEntity,
  interventi: InterventoEntity[],
  risorse: RisorsaProgettoEntity[],
): ProgettoV1 {
  return {
    id: p.id,
    cartellaId: p.cartellaId,
    versione: p.versione,
    stato: p.stato,
    dataInizio: p.dataInizio,
    dataFine: p.dataFine,
    obiettivi: p.obiettivi,
    interventi: interventi.map((i) => ({
      codicePrestazione: i.codicePrestazione,
      denominazione: i.denominazione,
      erogatore: i.erogatore,
      intensita: { quantita: i.intensitaQuantita, unita: i.intensitaUnita },
      dal: i.dal,
      al: i.al,
      costoCentesimi: i.costoCentesimi,
      fonteFinanziamento: i.fonteFinanziamento,
      imputazione: imputazione(i),
      ...datiSiuss(i),
      interventoMisuraId: i.interventoMisuraId ?? null,
      sospensione: i.sospesoDal ? { dal: i.sospesoDal, al: i.sospesoAl ?? null } : null,
    })),
    verifiche: p.verifiche,
    impegni: p.impegni,
    consensoPersona: p.consensoPersona,
    tipo: p.tipo ?? null,
    budget: budgetEconomico(interventi),
    risorse: risorse.map(toRisorsaProgettoV1),
    proposto: { da: p.propostoDa, nome: p.propostoDaNome, il: p.propostoIl.toISOString() },
    decisione:
      p.decisoDa &&
      p.decisoIl &&
      (p.stato === 'approvato' || p.stato === 'respinto' || p.stato === 'superato')
        ? {
            esito: p.stato === 'respinto' ? 'respinto' : 'approvato',
            da: p.decisoDa,
            nome: p.decisoDaNome ?? p.decisoDa,
            il: p.decisoIl.toISOString(),
            motivazione: p.motivazioneDecisione,
          }
        : null,
  };
}

const CAMPI_SIUSS = [
  'presenzaProvaMezzi',
  'caratterePrestazione',
  'importoMensileCentesimi',
  'periodoErogazione',
  'quotaEnteCentesimi',
  'quotaUtenteCentesimi',
  'quotaSsnCentesimi',
  'areaUtenza',
  'protocolloDomanda',
] as const;
type CampoSiuss = (typeof CAMPI_SIUSS)[number];

/** What SIUSS needs of an intervento, `null` where older data or the request leave it out. */
export function datiSiuss<T extends { [K in CampoSiuss]?: unknown }>(
  i: T,
): { [K in CampoSiuss]: Exclude<T[K], undefined> | null } {
  return Object.fromEntries(CAMPI_SIUSS.map((campo) => [campo, i[campo] ?? null])) as {
    [K in CampoSiuss]: Exclude<T[K], undefined> | null;
  };
}
