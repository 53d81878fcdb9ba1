import { DescrizioneClasse } from '../../common/schema-decorators';
import { Equals, IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Descrizione } from '../../common/schema-decorators';
import { PERIODO_PATTERN } from './impegni.dto';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { CAUSALI_RIDUZIONE, type CausaleRiduzione } from './vocabolari';

/**
 * Events of the budget service (JetStream stream `EVT_BUDGET`, subjects `evt.budget.>`), published
 * through the transactional outbox: an event exists if and only if its change committed. Amounts are
 * integer euro cents.
 */

const ISTAT = /^\d{6}$/;

/** `evt.budget.dotazione.assegnata.v1`: part of a fund annualità allocated to a spending line. */
@DescrizioneClasse('Parte di un’annualità di fondo dotata a una linea di spesa')
export class DotazioneAssegnataV1 {
  @IsUUID()
  dotazioneId: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @IsString()
  linea: string;

  @Importo('Importo dotato')
  importoCentesimi: number;

  /** What the annualità still has to allocate after this one. */
  @Importo('Quanto l’annualità ha ancora da dotare dopo questa dotazione')
  daDotareCentesimi: number;
}

/** `evt.budget.impegno.registrato.v1`: money of a line committed. */
@DescrizioneClasse('Denaro di una linea impegnato')
export class ImpegnoRegistratoV1 {
  @IsUUID()
  impegnoId: string;

  @IsString()
  chiaveIdempotenza: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @Importo('Importo impegnato')
  importoCentesimi: number;

  @NullableDescritto('Oggetto dell’impegno nel servizio chiamante')
  @IsString()
  riferimento: string | null;

  @NullableDescritto('Codice ISTAT del comune di residenza del beneficiario')
  @Matches(ISTAT)
  comuneResidenza: string | null;

  /** What the line has left after this commitment. */
  @Importo('Disponibile della linea dopo l’impegno')
  disponibileLineaCentesimi: number;
}

/** `evt.budget.impegno.rifiutato.v1`: a commitment refused for lack of money (BUDGET_INSUFFICIENTE). */
@DescrizioneClasse('Impegno rifiutato per mancanza di fondi (BUDGET_INSUFFICIENTE)')
export class ImpegnoRifiutatoV1 {
  @IsString()
  chiaveIdempotenza: string;

  @IsString()
  linea: string;

  @NullableDescritto('Fondo richiesto; null = non indicato')
  @IsString()
  fondo: string | null;

  @InteroDescritto('Anno dell’annualità richiesta; null = non indicato', { nullable: true })
  anno: number | null;

  @Importo('Importo richiesto')
  importoCentesimi: number;

  @NullableDescritto('Oggetto dell’impegno nel servizio chiamante')
  @IsString()
  riferimento: string | null;

  @Importo('Disponibile al momento della richiesta')
  disponibileCentesimi: number;

  @Equals('BUDGET_INSUFFICIENTE')
  @Descrizione('Sempre BUDGET_INSUFFICIENTE')
  motivo: 'BUDGET_INSUFFICIENTE';
}

/**
 * `evt.budget.impegno.ridotto.v1`: riduzione d'impegno, part of a commitment given back to its line
 * (an economia d'impegno when the causale is `economia`).
 */
@DescrizioneClasse('Riduzione d’impegno: parte di un impegno restituita alla sua linea')
export class ImpegnoRidottoV1 {
  @IsUUID()
  impegnoId: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @IsIn(CAUSALI_RIDUZIONE)
  causale: CausaleRiduzione;

  @Importo('Importo ridotto (torna disponibile sulla linea)')
  importoCentesimi: number;

  /** What remains committed after the riduzione. */
  @Importo('Importo che resta impegnato dopo la riduzione')
  importoImpegnoCentesimi: number;

  @Importo('Disponibile della linea dopo la riduzione')
  disponibileLineaCentesimi: number;
}

/**
 * `evt.budget.liquidazione.registrata.v2`: a liquidazione (due, not yet paid) against a commitment.
 * Version 2 (issue 8): no mandato (a mandato is its own act, `budget.mandato.registrato`), and a
 * one-off liquidazione has no period.
 */
@DescrizioneClasse('Liquidazione registrata su un impegno (dovuta, non ancora pagata)')
export class LiquidazioneRegistrataV2 {
  @IsUUID()
  liquidazioneId: string;

  @IsUUID()
  impegnoId: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @Importo('Importo liquidato')
  importoCentesimi: number;

  @NullableDescritto('Mese liquidato, AAAA-MM; null = una tantum')
  @Matches(PERIODO_PATTERN)
  periodo: string | null;

  @NullableDescritto('Oggetto dell’impegno nel servizio chiamante')
  @IsString()
  riferimento: string | null;

  @NullableDescritto('Codice ISTAT del comune di residenza del beneficiario')
  @Matches(ISTAT)
  comuneResidenza: string | null;
}

/** `evt.budget.mandato.registrato.v1`: a mandato di pagamento paid these liquidazioni. */
@DescrizioneClasse('Mandato di pagamento registrato, con le liquidazioni che paga')
export class MandatoRegistratoV1 {
  @IsUUID()
  mandatoId: string;

  @IsString()
  numero: string;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Data del mandato (AAAA-MM-GG)')
  data: string;

  @Importo('Totale pagato')
  importoCentesimi: number;

  @IsUUID('all', { each: true })
  @Descrizione('Liquidazioni pagate')
  liquidazioni: string[];
}
