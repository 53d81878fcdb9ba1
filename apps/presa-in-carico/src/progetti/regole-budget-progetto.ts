import {
  DomainError,
  FONTI_DEL_BUDGET,
  FONTI_FUORI_BUDGET,
  type FieldError,
  type FonteFinanziamento,
  type InterventoV1,
} from '@ambito/contracts';

const delBudget = (f: FonteFinanziamento) => (FONTI_DEL_BUDGET as readonly string[]).includes(f);
const fuoriBudget = (f: FonteFinanziamento) => (FONTI_FUORI_BUDGET as readonly string[]).includes(f);

/**
 * Money of a fund of the Ambito names where it is in the budget (fund, line, annualità): the misure
 * service commits against that line, so a label alone is not enough. Money from outside the budget
 * (the person's share, the family, the community) names no line. The Comune's own money and "altro"
 * may be in the budget or not.
 */
export function assertImputazioni(interventi: InterventoV1[]): void {
  const problemi: FieldError[] = [];
  interventi.forEach((i, n) => {
    if (delBudget(i.fonteFinanziamento) && !i.imputazione)
      problemi.push({
        campo: `interventi.${n}.imputazione`,
        messaggi: ['indicare fondo, linea e annualità del budget da cui proviene la spesa'],
      });
    if (fuoriBudget(i.fonteFinanziamento) && i.imputazione)
      problemi.push({
        campo: `interventi.${n}.imputazione`,
        messaggi: [`la fonte ${i.fonteFinanziamento} non è nel budget dell’Ambito`],
      });
  });
  if (problemi.length > 0)
    throw new DomainError(
      'IMPUTAZIONE_NON_VALIDA',
      'Interventi senza il fondo, la linea e l’annualità del budget (o con un’imputazione non dovuta): correggere i campi indicati.',
      problemi,
    );
}
