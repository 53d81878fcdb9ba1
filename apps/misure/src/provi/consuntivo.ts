import type { ConsuntivoProViV1, DocumentoSpesa, MacroareaProVi, TipoSpesaProVi } from '@ambito/contracts';
import { DomainError } from '@ambito/contracts';
import { euro } from '../istruttoria/regole/formato';

/*
 * Pro.Vi. a consuntivo (rules 18–19): the beneficiary's expense documents (payslips, invoices of hours ×
 * hourly cost) are judged one by one against the project's macroaree and the rule set's exclusions and
 * hourly cost cap; the reimbursement is what is admitted, up to what is left of the beneficiary's cap;
 * the ambito's co-financing share of it is computed here so that every euro says where it comes from.
 * Pure and deterministic: the same statement and parameters always give the same result.
 */

export interface SpesaProVi {
  macroarea: MacroareaProVi;
  tipoSpesa: TipoSpesaProVi;
  documento: DocumentoSpesa;
  /** Hours of the document (invoice of an ente, payslip), two decimals; null when it is not by the hour. */
  ore: number | null;
  /** Hourly cost in cents, with `ore`. */
  costoOrarioCentesimi: number | null;
  /** Amount of the document in cents; for hours it must equal ore × costo orario (or be null). */
  importoCentesimi: number | null;
}

export type EsitoSpesa = 'ammessa' | 'ridotta' | 'esclusa';

export interface SpesaValutata {
  indice: number;
  documentatoCentesimi: number;
  ammessoCentesimi: number;
  esito: EsitoSpesa;
  motivo: string;
}

export interface ContestoConsuntivo {
  parametri: ConsuntivoProViV1;
  /** Macroaree of the approved project: expenses outside them are not reimbursed. */
  macroareeProgetto: readonly MacroareaProVi[];
  /** Amount granted to the beneficiary (the istruttoria's total); null: only the rule set's cap. */
  concessoCentesimi: number | null;
  /** Already reimbursed on earlier statements of the same project. */
  giaRimborsatoCentesimi: number;
}

export interface EsitoConsuntivo {
  spese: SpesaValutata[];
  documentatoCentesimi: number;
  ammessoCentesimi: number;
  /** The beneficiary's cap: the least of the rule set's cap and the amount granted. */
  massimaleCentesimi: number;
  residuoPrimaCentesimi: number;
  rimborsoCentesimi: number;
  /** The ambito's own share of the reimbursement (at least the rule set's percentage, rounded up). */
  quotaAmbitoCentesimi: number;
  /** The share of the regional/ministerial fund (FNA vita indipendente). */
  quotaFondoCentesimi: number;
  motivo: string;
}

/** ore × costo orario in cents, exact on two-decimal hours. */
export function importoOre(ore: number, costoOrarioCentesimi: number): number {
  return Math.round((Math.round(ore * 100) * costoOrarioCentesimi) / 100);
}

function documentato(s: SpesaProVi, indice: number): number {
  const n = indice + 1;
  if (s.ore !== null || s.costoOrarioCentesimi !== null) {
    if (s.ore === null || s.costoOrarioCentesimi === null)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Spesa ${n}: ore e costo orario si indicano insieme (fattura con ore × costo orario).`,
      );
    const calcolato = importoOre(s.ore, s.costoOrarioCentesimi);
    if (s.importoCentesimi !== null && s.importoCentesimi !== calcolato)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `Spesa ${n}: l’importo ${euro(s.importoCentesimi)} non è ore × costo orario (${euro(calcolato)}).`,
      );
    return calcolato;
  }
  if (s.importoCentesimi === null)
    throw new DomainError('VALIDAZIONE_FALLITA', `Spesa ${n}: manca l’importo del documento.`);
  return s.importoCentesimi;
}

function valutaSpesa(s: SpesaProVi, indice: number, c: ContestoConsuntivo): SpesaValutata {
  const importo = documentato(s, indice);
  const esclusa = (motivo: string): SpesaValutata => ({
    indice,
    documentatoCentesimi: importo,
    ammessoCentesimi: 0,
    esito: 'esclusa',
    motivo,
  });
  if (!c.macroareeProgetto.includes(s.macroarea))
    return esclusa(`La macroarea ${s.macroarea} non è prevista dal progetto`);
  const esclusione = c.parametri.esclusioni.find(
    (e) => e.macroarea === s.macroarea && e.tipoSpesa === s.tipoSpesa,
  );
  if (esclusione) return esclusa(`Spesa esclusa: ${esclusione.motivo}`);
  const massimo = c.parametri.costoOrarioMassimoCentesimi;
  if (
    s.ore !== null &&
    s.costoOrarioCentesimi !== null &&
    massimo !== null &&
    s.costoOrarioCentesimi > massimo
  ) {
    const ammesso = importoOre(s.ore, massimo);
    return {
      indice,
      documentatoCentesimi: importo,
      ammessoCentesimi: ammesso,
      esito: 'ridotta',
      motivo: `Costo orario ${euro(s.costoOrarioCentesimi)} oltre il massimo di ${euro(massimo)}: riconosciute ${s.ore} ore × ${euro(massimo)} = ${euro(ammesso)}`,
    };
  }
  return {
    indice,
    documentatoCentesimi: importo,
    ammessoCentesimi: importo,
    esito: 'ammessa',
    motivo:
      s.ore !== null
        ? `${s.ore} ore × ${euro(s.costoOrarioCentesimi ?? 0)} = ${euro(importo)}`
        : `Documento di ${euro(importo)}`,
  };
}

/** The ambito's share: at least `percento` of the reimbursement, in whole cents (rounded up). */
export function quotaAmbito(rimborsoCentesimi: number, percento: number): number {
  return Math.ceil((rimborsoCentesimi * percento) / 100);
}

/** Judges a statement of expenses and gives the reimbursement with its co-financing split. */
export function valutaConsuntivo(spese: readonly SpesaProVi[], c: ContestoConsuntivo): EsitoConsuntivo {
  if (spese.length === 0)
    throw new DomainError('VALIDAZIONE_FALLITA', 'Il rendiconto non ha documenti di spesa.');
  const valutate = spese.map((s, i) => valutaSpesa(s, i, c));
  const somma = (f: (v: SpesaValutata) => number) => valutate.reduce((t, v) => t + f(v), 0);
  const documentatoCentesimi = somma((v) => v.documentatoCentesimi);
  const ammessoCentesimi = somma((v) => v.ammessoCentesimi);
  const massimaleCentesimi = Math.min(
    c.parametri.massimaleBeneficiarioCentesimi,
    c.concessoCentesimi ?? Number.MAX_SAFE_INTEGER,
  );
  const residuoPrimaCentesimi = Math.max(0, massimaleCentesimi - c.giaRimborsatoCentesimi);
  const rimborsoCentesimi = Math.min(ammessoCentesimi, residuoPrimaCentesimi);
  const quota = quotaAmbito(rimborsoCentesimi, c.parametri.cofinanziamentoAmbitoPercento);
  const tetto =
    rimborsoCentesimi < ammessoCentesimi
      ? `; ammessi ${euro(ammessoCentesimi)} ma il massimale di ${euro(massimaleCentesimi)} lascia ${euro(residuoPrimaCentesimi)}`
      : '';
  return {
    spese: valutate,
    documentatoCentesimi,
    ammessoCentesimi,
    massimaleCentesimi,
    residuoPrimaCentesimi,
    rimborsoCentesimi,
    quotaAmbitoCentesimi: quota,
    quotaFondoCentesimi: rimborsoCentesimi - quota,
    motivo: `Rimborso di ${euro(rimborsoCentesimi)} su ${euro(documentatoCentesimi)} documentati${tetto}; cofinanziamento dell’Ambito ${euro(quota)} (${c.parametri.cofinanziamentoAmbitoPercento} %), fondo ${euro(rimborsoCentesimi - quota)}`,
  };
}
