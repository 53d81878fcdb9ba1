import { DescrizioneClasse } from '../../common/schema-decorators';
import { Equals, IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { Descrizione } from '../../common/schema-decorators';
import { PERIODO_PATTERN } from './impegni.dto';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { CAUSALI_LIBERAZIONE, type CausaleLiberazione } from './vocabolari';

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

/** `evt.budget.impegno.liberato.v1`: part of a commitment given back to its line. */
@DescrizioneClasse('Parte di un impegno restituita alla sua linea')
export class ImpegnoLiberatoV1 {
  @IsUUID()
  impegnoId: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @IsIn(CAUSALI_LIBERAZIONE)
  causale: CausaleLiberazione;

  @Importo('Importo liberato')
  importoCentesimi: number;

  /** What remains committed after the release. */
  @Importo('Importo che resta impegnato dopo la liberazione')
  importoImpegnoCentesimi: number;

  @Importo('Disponibile della linea dopo la liberazione')
  disponibileLineaCentesimi: number;
}

/** `evt.budget.liquidazione.registrata.v1`: a payment against a commitment. */
@DescrizioneClasse('Liquidazione registrata su un impegno')
export class LiquidazioneRegistrataV1 {
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

  @Matches(PERIODO_PATTERN)
  @Descrizione('Mese pagato, AAAA-MM')
  periodo: string;

  @NullableDescritto('Riferimento del mandato di pagamento; null = non ancora emesso')
  @IsString()
  mandato: string | null;

  @NullableDescritto('Oggetto dell’impegno nel servizio chiamante')
  @IsString()
  riferimento: string | null;

  @NullableDescritto('Codice ISTAT del comune di residenza del beneficiario')
  @Matches(ISTAT)
  comuneResidenza: string | null;
}
