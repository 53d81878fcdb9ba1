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
      presenzaProvaMezzi: i.presenzaProvaMezzi ?? null,
      caratterePrestazione: i.caratterePrestazione ?? null,
      importoMensileCentesimi: i.importoMensileCentesimi ?? null,
      periodoErogazione: i.periodoErogazione ?? null,
      quotaEnteCentesimi: i.quotaEnteCentesimi ?? null,
      quotaUtenteCentesimi: i.quotaUtenteCentesimi ?? null,
      quotaSsnCentesimi: i.quotaSsnCentesimi ?? null,
      areaUtenza: i.areaUtenza ?? null,
      protocolloDomanda: i.protocolloDomanda ?? null,
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
