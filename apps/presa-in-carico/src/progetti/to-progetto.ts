import type { FonteFinanziamento, ProgettoV1 } from '@ambito/contracts';
import type { InterventoEntity } from './intervento.entity';
import type { ProgettoEntity } from './progetto.entity';

export function toProgettoV1(p: ProgettoEntity, interventi: InterventoEntity[]): ProgettoV1 {
  const budget = new Map<FonteFinanziamento, number>();
  for (const i of interventi)
    budget.set(i.fonteFinanziamento, (budget.get(i.fonteFinanziamento) ?? 0) + i.costoCentesimi);
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
      ...datiSiuss(i),
    })),
    verifiche: p.verifiche,
    impegni: p.impegni,
    consensoPersona: p.consensoPersona,
    tipo: p.tipo ?? null,
    budget: [...budget].map(([fonteFinanziamento, costoCentesimi]) => ({
      fonteFinanziamento,
      costoCentesimi,
    })),
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
