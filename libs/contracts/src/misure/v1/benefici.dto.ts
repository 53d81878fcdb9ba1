import {
  IsIn,
  IsObject,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { GIORNO_ESISTENTE, MESE_ESISTENTE } from '../../common/giorno';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import { RegolaValutataV1 } from './istruttoria.dto';
import {
  CAUSE_FINE_BENEFICIO,
  CAUSE_SOSPENSIONE,
  CAUSE_SOSPENSIONE_OPERATORE,
  ESITI_EROGAZIONE,
  STATI_BENEFICIO,
  STATI_EROGAZIONE_MENSILE,
  STATI_EROGAZIONE_RUN,
  type CausaFineBeneficio,
  type CausaSospensione,
  type CausaSospensioneOperatore,
  type EsitoErogazione,
  type StatoBeneficio,
  type StatoErogazioneMensile,
  type StatoErogazioneRun,
} from './benefici.vocabolari';
import { MISURE, MISURE_DICHIARATE, type Misura, type MisuraDichiarata } from './vocabolari';

/*
 * Benefici and their monthly erogazioni (issue 10, points 1, 2 and 7; lane benefici-run). A beneficio
 * is created from each `misure.beneficio.concesso`; its suspensions and its end come from accesso's
 * records and events and from the operators; the monthly run computes, per beneficio and month, the
 * amount due with its explanation.
 */

/** `YYYY-MM`: the month of a run. */
export const MESE_PATTERN = MESE_ESISTENTE;

const giorno = (campo: string) =>
  Matches(GIORNO_ESISTENTE, { message: `${campo}: data nel formato AAAA-MM-GG` });

// ---- benefici ----

/** A period nothing is due, with its cause and where it comes from. */
@DescrizioneClasse('Una sospensione del beneficio: periodo, causa e fonte')
export class SospensioneBeneficioV1 {
  @IsUUID()
  id: string;

  @IsIn(CAUSE_SOSPENSIONE)
  causa: CausaSospensione;

  @giorno('dal')
  dal: string;

  @Nullable()
  @giorno('al')
  @Descrizione('Ultimo giorno sospeso (incluso); null: fino a nuova comunicazione')
  al: string | null;

  @IsString()
  @Descrizione('Da dove viene: `ricovero:<id>:<anno>`, `residenza:<evento>`, `operatore:<id>`')
  fonte: string;

  @IsObject()
  @Descrizione('Gli input e la regola da cui è derivata (giorni di sollievo, limite, motivazione…)')
  dettaglio: Record<string, unknown>;

  @Nullable()
  @IsISO8601()
  @Descrizione('Annullata: le registrazioni non la sostengono più (ricovero corretto); resta nella storia')
  annullataIl: string | null;

  @IsString()
  registrataDa: string;

  @IsISO8601()
  registrataIl: string;
}

/** One month of a beneficio: what is due and why. */
@DescrizioneClasse('La mensilità di un beneficio: importo dovuto con le regole e i motivi')
export class ErogazioneMensileV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  beneficioId: string;

  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  strumento: string;

  @Matches(MESE_PATTERN)
  mese: string;

  @IsUUID()
  @Descrizione('Esecuzione mensile che l’ha calcolata')
  runId: string;

  @IsIn(ESITI_EROGAZIONE)
  esito: EsitoErogazione;

  @Centesimi()
  importoMensileCentesimi: number;

  @Centesimi()
  importoDovutoCentesimi: number;

  @Intero({ min: 28, max: 31 })
  giorniMese: number;

  @Intero({ min: 0, max: 31 })
  giorniDovuti: number;

  @IsUUID()
  @Descrizione('Versione delle regole applicata')
  regoleId: string;

  @IsString()
  @Descrizione('Il motivo dell’esito, in italiano')
  motivo: string;

  @Annidato(() => RegolaValutataV1, { lista: true })
  regole: RegolaValutataV1[];

  @IsObject()
  @Descrizione(
    'Gli input del calcolo: periodo, fine, sospensioni, validità dell’ISEE, modalità del mese parziale',
  )
  input: Record<string, unknown>;

  @IsIn(STATI_EROGAZIONE_MENSILE)
  @Descrizione('da-liquidare, liquidata (liquidazioni), nulla (nessun importo dovuto)')
  stato: StatoErogazioneMensile;
}

@DescrizioneClasse('Un beneficio concesso: strumento, importo, periodo, impegno, sospensioni e fine')
export class BeneficioV1 {
  @IsUUID()
  id: string;

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

  @Nullable()
  @IsString()
  area: string | null;

  @IsString()
  strumento: string;

  @Nullable()
  @Centesimi()
  @Descrizione('Importo mensile; null per un importo di progetto (non erogato dall’esecuzione mensile)')
  importoMensileCentesimi: number | null;

  @Centesimi()
  importoTotaleCentesimi: number;

  @giorno('dal')
  dal: string;

  @giorno('al')
  al: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @Intero({ min: 2000, max: 2100 })
  annoFondo: number;

  @IsUUID()
  impegnoId: string;

  @IsUUID()
  @Descrizione('Regole dell’avviso con cui si calcolano le mensilità')
  regoleId: string;

  @IsIn(STATI_BENEFICIO)
  stato: StatoBeneficio;

  @Nullable()
  @giorno('terminaDal')
  @Descrizione('Revoca o cessazione: primo giorno per cui nulla è dovuto')
  terminaDal: string | null;

  @Nullable()
  @IsIn(CAUSE_FINE_BENEFICIO)
  causaFine: CausaFineBeneficio | null;

  @Nullable()
  @IsString()
  motivazioneFine: string | null;

  @Nullable()
  @giorno('iseeValidoAl')
  @Descrizione('Ultimo giorno di validità dell’ISEE; dopo, nulla è dovuto finché non è rinnovato')
  iseeValidoAl: string | null;

  @Annidato(() => SospensioneBeneficioV1, { lista: true })
  sospensioni: SospensioneBeneficioV1[];

  @Annidato(() => ErogazioneMensileV1, { lista: true })
  @Descrizione('Le mensilità calcolate (solo nella lettura di un beneficio)')
  mensilita: ErogazioneMensileV1[];
}

export class LeggiBeneficioV1 {
  @IsUUID()
  id: string;
}

export class ElencaBeneficiV1 extends PaginazioneV1 {
  @IsOptional()
  @IsUUID()
  personaId?: string;

  @IsOptional()
  @IsUUID()
  istanzaId?: string;

  @IsOptional()
  @IsUUID()
  avvisoId?: string;

  @IsOptional()
  @IsIn(STATI_BENEFICIO)
  stato?: StatoBeneficio;
}

export class PaginaBeneficiV1 extends paginaDi(BeneficioV1) {}

/**
 * A suspension an operator records from a document (an incompatible measure newly held, an ISEE expired
 * and not renewed, another cause with its motivazione).
 */
export class RegistraSospensioneBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @IsIn(CAUSE_SOSPENSIONE_OPERATORE, { message: `causa: una fra ${CAUSE_SOSPENSIONE_OPERATORE.join(', ')}` })
  causa: CausaSospensioneOperatore;

  @giorno('dal')
  dal: string;

  @IsOptional()
  @giorno('al')
  @Descrizione('Ultimo giorno sospeso, se noto')
  al?: string;

  @IsOptional()
  @IsIn(MISURE_DICHIARATE)
  @Descrizione('La misura incompatibile ora percepita (causa `misura-incompatibile`)')
  misura?: MisuraDichiarata;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  motivazione: string;
}

/** The end of a suspension recorded by an operator (or of an open one): payments resume the next day. */
export class ChiudiSospensioneBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @IsUUID()
  sospensioneId: string;

  @giorno('al')
  @Descrizione('Ultimo giorno sospeso')
  al: string;
}

/** A renewed ISEE: its last valid day (the expired-ISEE suspension ends on its own). */
export class RinnovaIseeBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @giorno('validoAl')
  validoAl: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Riferimento dell’attestazione (protocollo DSU) o del documento')
  riferimento: string;
}

/** An operator's revoca or cessazione (renuncia, decadenza, revoca) from a day. */
export class TerminaBeneficioV1 {
  @IsUUID()
  beneficioId: string;

  @IsIn(['rinuncia', 'decadenza', 'revoca'])
  causa: 'rinuncia' | 'decadenza' | 'revoca';

  @giorno('dal')
  @Descrizione('Primo giorno per cui nulla è dovuto')
  dal: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  motivazione: string;
}

// ---- the monthly run ----

export class EseguiErogazioniV1 {
  @Matches(MESE_PATTERN, { message: 'mese: nel formato AAAA-MM' })
  @Descrizione('Mese da erogare, AAAA-MM')
  mese: string;
}

export class LeggiErogazioneRunV1 {
  @IsUUID()
  id: string;
}

export class ElencaErogazioniRunV1 {
  @IsOptional()
  @Matches(MESE_PATTERN, { message: 'mese: nel formato AAAA-MM' })
  mese?: string;
}

export class ErroreRunV1 {
  @IsString()
  codice: string;

  @IsString()
  messaggio: string;
}

@DescrizioneClasse('Un’esecuzione mensile delle erogazioni di un Ambito: avanzamento e totali')
export class ErogazioneRunV1 {
  @IsUUID()
  id: string;

  @Matches(MESE_PATTERN)
  mese: string;

  @IsIn(STATI_EROGAZIONE_RUN)
  stato: StatoErogazioneRun;

  @Intero({ min: 0 })
  beneficiTotali: number;

  @Intero({ min: 0 })
  beneficiElaborati: number;

  @Intero({ min: 0 })
  @Descrizione('Mensilità create da questa esecuzione (quelle già calcolate non si ricreano)')
  mensilitaCreate: number;

  @Centesimi()
  @Descrizione('Importo dovuto delle mensilità create da questa esecuzione')
  importoDovutoCentesimi: number;

  @Intero({ min: 0 })
  @Descrizione('Mensilità del mese, di tutte le esecuzioni')
  mensilitaDelMese: number;

  @Centesimi()
  @Descrizione('Importo dovuto del mese, di tutte le esecuzioni')
  importoDelMeseCentesimi: number;

  @IsString()
  avviataDa: string;

  @IsISO8601()
  avviataIl: string;

  @Nullable()
  @IsISO8601()
  conclusaIl: string | null;

  @Nullable()
  @Annidato(() => ErroreRunV1)
  ultimoErrore: ErroreRunV1 | null;
}

export class ElencaErogazioniMeseV1 extends PaginazioneV1 {
  @Matches(MESE_PATTERN, { message: 'mese: nel formato AAAA-MM' })
  mese: string;
}

export class PaginaErogazioniV1 extends paginaDi(ErogazioneMensileV1) {}

// ---- events (ids and dates only) ----

/** `evt.misure.beneficio.sospeso.v1`: nothing is due from `dal` (to `al`, if known). */
@DescrizioneClasse('Beneficio sospeso da un giorno')
export class BeneficioSospesoV1 {
  @IsUUID()
  beneficioId: string;

  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @IsUUID()
  @Descrizione(
    'L’impegno della concessione: con l’istanza, identifica il beneficio anche prima che se ne conosca l’id',
  )
  impegnoId?: string;

  @IsUUID()
  sospensioneId: string;

  @giorno('dal')
  dal: string;

  @Nullable()
  @giorno('al')
  al: string | null;
}

/** `evt.misure.beneficio.ripreso.v1`: a suspension ended; payments are due again from `dal`. */
@DescrizioneClasse('Beneficio ripreso dopo una sospensione')
export class BeneficioRipresoV1 {
  @IsUUID()
  beneficioId: string;

  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @IsUUID()
  @Descrizione(
    'L’impegno della concessione: con l’istanza, identifica il beneficio anche prima che se ne conosca l’id',
  )
  impegnoId?: string;

  @IsUUID()
  sospensioneId: string;

  @giorno('dal')
  @Descrizione('Primo giorno di nuovo dovuto')
  dal: string;
}

/** `evt.misure.beneficio.revocato.v1` and `.cessato.v1`: nothing is due from `dal`, for good. */
@DescrizioneClasse('Beneficio terminato (revoca o cessazione) da un giorno')
export class BeneficioTerminatoV1 {
  @IsUUID()
  beneficioId: string;

  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  @IsUUID()
  impegnoId: string;

  @giorno('dal')
  @Descrizione('Primo giorno per cui nulla è dovuto')
  dal: string;
}
