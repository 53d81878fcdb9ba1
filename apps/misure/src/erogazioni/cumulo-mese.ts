import type { EsitoErogazione, RegolaValutataV1 } from '@ambito/contracts';
import type { EsitoPagamento } from '../cumulo/cumulo.service';

/*
 * Rule 10 before each payment (issue 10, point 6): the month's amount due (calcolaMese) is paid only
 * within the room the assistant's contract leaves (its wage cost less the other contributions for the
 * same assistant). Pure: the month's result and the judgement in, the month's result out, with the rule
 * and its reason added as the other parts of the month's calculation.
 */

export interface MeseDaPagare {
  esito: EsitoErogazione;
  importoDovutoCentesimi: number;
  motivo: string;
  regole: RegolaValutataV1[];
}

export function applicaCumulo<T extends MeseDaPagare>(mese: T, cumulo: EsitoPagamento | null): T {
  if (!cumulo || mese.importoDovutoCentesimi === 0) return mese;
  const ammesso = Math.min(mese.importoDovutoCentesimi, cumulo.ammessoCentesimi);
  const regola: RegolaValutataV1 = {
    codice: 'CUMULO_ASSISTENTE',
    esito: ammesso === mese.importoDovutoCentesimi ? 'soddisfatta' : 'non-soddisfatta',
    motivo: cumulo.motivo,
  };
  if (ammesso === mese.importoDovutoCentesimi) return { ...mese, regole: [...mese.regole, regola] };
  return {
    ...mese,
    esito: ammesso > 0 ? 'ridotto' : 'non-dovuto',
    importoDovutoCentesimi: ammesso,
    motivo:
      ammesso > 0
        ? `${mese.motivo}; ridotto per il cumulo per assistente (regola 10): ${cumulo.motivo}`
        : `${mese.motivo}; nessun importo per il cumulo per assistente (regola 10): ${cumulo.motivo}`,
    regole: [...mese.regole, regola],
  };
}
