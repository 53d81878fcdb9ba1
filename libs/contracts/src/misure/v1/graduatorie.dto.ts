import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import { AREE, MISURE, type Area, type Misura } from './vocabolari';

/*
 * Graduatorie of an avviso (issue 9, point 6): formed from the istanze's last istruttoria, ordered by the
 * rule set's `ordinamento`, cut on the graduatoria's budget; approved by the Ufficio di Piano with one
 * impegno per financed istanza in the budget service; scrolled when a beneficiary ceases. Entries carry
 * protocol numbers and ids, never names: the graduatoria is published as it is read.
 */

/** The state of a graduatoria: formed from the istruttorie, being approved (impegni requested), approved. */
export const STATI_GRADUATORIA = ['da-formare', 'formata', 'in-approvazione', 'approvata'] as const;
export type StatoGraduatoria = (typeof STATI_GRADUATORIA)[number];

/** Why a financed beneficiary stops: the causali of the budget's riduzione d'impegno. */
export const CAUSE_CESSAZIONE = ['rinuncia', 'decadenza', 'revoca'] as const;
export type CausaCessazione = (typeof CAUSE_CESSAZIONE)[number];

/** The state of an entry: financed, eligible without money, or ceased (with its cause). */
export const STATI_VOCE_GRADUATORIA = ['finanziata', 'idonea-non-finanziata', ...CAUSE_CESSAZIONE] as const;
export type StatoVoceGraduatoria = (typeof STATI_VOCE_GRADUATORIA)[number];

/** The determina that approves the graduatoria and commits its money (TUEL art. 183). */
export class DeterminaGraduatoriaV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione('Numero della determina, come scritto sull’atto')
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data della determina nel formato AAAA-MM-GG' })
  @Descrizione('Data della determina (AAAA-MM-GG)')
  data: string;
}

export class FormaGraduatorieV1 {
  @IsUUID()
  @Descrizione('Avviso chiuso di cui formare le graduatorie')
  avvisoId: string;
}

export class ElencaGraduatorieV1 {
  @IsUUID()
  avvisoId: string;
}

export class LeggiGraduatoriaV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  graduatoriaId: string;
}

export class ApprovaGraduatoriaV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  graduatoriaId: string;

  @Annidato(() => DeterminaGraduatoriaV1)
  @Descrizione('Determina di approvazione e di impegno')
  determina: DeterminaGraduatoriaV1;
}

/**
 * A financed beneficiary ceases (rinuncia, decadenza, revoca): its impegno is reduced and the next
 * idonee non finanziate are financed with the freed money (scorrimento), under the determina given.
 */
export class CessaBeneficioV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  graduatoriaId: string;

  @IsUUID()
  @Descrizione('Istanza finanziata che cessa')
  istanzaId: string;

  @IsIn(CAUSE_CESSAZIONE)
  @Descrizione('rinuncia del beneficiario, decadenza (perdita di un requisito), revoca')
  causa: CausaCessazione;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @TestoMultiriga()
  @Descrizione('Motivazione della cessazione')
  motivazione: string;

  @Annidato(() => DeterminaGraduatoriaV1)
  @Descrizione('Determina che prende atto della cessazione e impegna per lo scorrimento')
  determina: DeterminaGraduatoriaV1;
}

/** One entry of a graduatoria: position, protocol, outcome and amount; no names. */
@DescrizioneClasse('Una posizione della graduatoria (numero di protocollo, esito, importo; nessun nome)')
export class VoceGraduatoriaV1 {
  @Intero({ min: 1 })
  posizione: number;

  @IsString()
  @Descrizione('Protocollo dell’istanza, `numero/anno`')
  protocollo: string;

  @IsUUID()
  istanzaId: string;

  @IsIn(STATI_VOCE_GRADUATORIA)
  @Descrizione('finanziata, idonea-non-finanziata, o cessata (rinuncia, decadenza, revoca)')
  esito: StatoVoceGraduatoria;

  @Nullable()
  @Centesimi()
  @Descrizione('Importo mensile (strumenti mensili), centesimi')
  importoMensileCentesimi: number | null;

  @Centesimi()
  @Descrizione('Importo per i mesi dell’avviso (o totale del progetto), centesimi')
  importoCentesimi: number;

  @Nullable()
  @IsUUID()
  @Descrizione('Impegno nel servizio budget (dopo l’approvazione o lo scorrimento)')
  impegnoId: string | null;
}

/** The last failed approval, kept on the graduatoria until the next attempt. */
export class ErroreApprovazioneV1 {
  @IsString()
  codice: string;

  @IsString()
  messaggio: string;
}

@DescrizioneClasse('Una graduatoria di un avviso: area, strumento, budget, stato e posizioni')
export class GraduatoriaV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  avvisoId: string;

  @IsIn(MISURE)
  misura: Misura;

  @IsIn(AREE)
  area: Area;

  @IsString()
  strumento: string;

  @IsString()
  @Descrizione('Linea o articolo del budget su cui si impegna')
  linea: string;

  @Nullable()
  @IsString()
  fondo: string | null;

  @Nullable()
  @Intero({ min: 2000, max: 2100 })
  annoFondo: number | null;

  @Centesimi()
  budgetCentesimi: number;

  @IsIn(STATI_GRADUATORIA)
  stato: StatoGraduatoria;

  @Intero({ min: 0 })
  finanziate: number;

  @Intero({ min: 0 })
  idoneeNonFinanziate: number;

  @Centesimi()
  @Descrizione('Somma degli importi delle posizioni finanziate')
  finanziatoCentesimi: number;

  @Nullable()
  @IsString()
  formataIl: string | null;

  @Nullable()
  @IsString()
  approvataIl: string | null;

  @Nullable()
  @Annidato(() => DeterminaGraduatoriaV1)
  determina: DeterminaGraduatoriaV1 | null;

  @Nullable()
  @Annidato(() => ErroreApprovazioneV1)
  ultimoErrore: ErroreApprovazioneV1 | null;
}

/**
 * Request of `misure.graduatoria.voci`: the positions come in pages, not with the graduatoria, because
 * an avviso of many thousand istanze makes a list larger than one message on the bus may carry.
 */
export class ElencaVociGraduatoriaV1 extends PaginazioneV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  graduatoriaId: string;

  @IsOptional()
  @IsIn(STATI_VOCE_GRADUATORIA)
  @Descrizione('Solo le posizioni con questo esito')
  esito?: StatoVoceGraduatoria;
}

@DescrizioneClasse('Una pagina delle posizioni di una graduatoria, in ordine di posizione')
export class PaginaVociGraduatoriaV1 extends paginaDi(VoceGraduatoriaV1) {}

/** The publication of a graduatoria, rendered by the misure service (the whole list in one text). */
@DescrizioneClasse('La graduatoria da pubblicare, in CSV')
export class PubblicazioneGraduatoriaV1 {
  @IsString()
  @Descrizione('CSV: intestazione, poi posizione, protocollo, esito e importi (separatore `;`)')
  csv: string;
}

/** What forming an avviso's graduatorie did. */
@DescrizioneClasse('Le graduatorie formate di un avviso')
export class GraduatorieFormateV1 {
  @IsUUID()
  avvisoId: string;

  @Annidato(() => GraduatoriaV1, { lista: true })
  graduatorie: GraduatoriaV1[];

  @Intero({ min: 0 })
  @Descrizione('Istanze ammissibili per area e strumento senza una graduatoria dell’avviso (non ordinate)')
  ammissibiliSenzaGraduatoria: number;
}

// ---- events ----

/** `evt.misure.graduatoria.approvata.v1`: the graduatoria is approved, its impegni are in the budget. */
@DescrizioneClasse('Graduatoria approvata: impegni registrati nel budget per ogni posizione finanziata')
export class GraduatoriaApprovataV1 {
  @IsUUID()
  graduatoriaId: string;

  @IsUUID()
  avvisoId: string;

  @IsIn(MISURE)
  misura: Misura;

  @IsIn(AREE)
  area: Area;

  @IsString()
  strumento: string;

  @Annidato(() => DeterminaGraduatoriaV1)
  determina: DeterminaGraduatoriaV1;

  @Intero({ min: 0 })
  finanziate: number;

  @Intero({ min: 0 })
  idoneeNonFinanziate: number;

  @Centesimi()
  impegnatoCentesimi: number;

  @IsString()
  approvataDa: string;
}

export const CAUSE_CONCESSIONE = ['approvazione', 'scorrimento'] as const;
export type CausaConcessione = (typeof CAUSE_CONCESSIONE)[number];

/** `evt.misure.beneficio.concesso.v1`: one financed istanza, with its money in the budget. */
@DescrizioneClasse('Beneficio concesso a un’istanza finanziata, con l’impegno nel budget')
export class BeneficioConcessoV1 {
  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  @IsUUID()
  avvisoId: string;

  @IsUUID()
  graduatoriaId: string;

  @IsIn(MISURE)
  misura: Misura;

  @IsString()
  strumento: string;

  @Nullable()
  @Centesimi()
  importoMensileCentesimi: number | null;

  @Centesimi()
  importoTotaleCentesimi: number;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Primo giorno del beneficio (decorrenza dell’avviso)')
  dal: string;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Ultimo giorno del beneficio (decorrenza più i mesi dell’avviso)')
  al: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @Intero({ min: 2000, max: 2100 })
  annoFondo: number;

  @IsUUID()
  impegnoId: string;

  @IsIn(CAUSE_CONCESSIONE)
  @Descrizione('approvazione della graduatoria o scorrimento dopo una cessazione')
  causa: CausaConcessione;
}
