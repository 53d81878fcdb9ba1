import { Equals, IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Annidato, Descrizione, Nullable } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';
import {
  AREE_BISOGNO,
  CANALI,
  SESSI,
  TIPI_ESITO,
  URGENZE,
  type AreaBisogno,
  type Canale,
  type Sesso,
  type TipoEsito,
  type Urgenza,
} from './vocabolari';

/** `evt.accesso.accesso.registrato.v1` */
export class AccessoRegistratoV1 {
  @IsUUID()
  accessoId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  sede: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsIn(AREE_BISOGNO)
  areaBisogno: AreaBisogno;

  @IsIn(CANALI)
  canale: Canale;

  @IsISO8601()
  dataOra: string;

  @IsString()
  operatoreId: string;
}

const PROPOSTA = 'proposta-presa-in-carico';
export const ESITI_SENZA_PROPOSTA = TIPI_ESITO.filter(
  (t): t is Exclude<TipoEsito, typeof PROPOSTA> => t !== PROPOSTA,
);

/** What the équipe needs to open the cartella: travels only with a proposta. */
export class PersonaPropostaV1 {
  @IsString()
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Matches(ISO_DATE_PATTERN)
  dataNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;
}

export class EsitoPropostaV1 {
  @Equals(PROPOSTA)
  tipo: typeof PROPOSTA;

  @Nullable()
  @IsString()
  servizio: string | null;

  @IsString()
  motivazione: string;

  @IsIn(URGENZE)
  urgenza: Urgenza;
}

export class EsitoSenzaPropostaV1 {
  @IsIn(ESITI_SENZA_PROPOSTA)
  tipo: Exclude<TipoEsito, typeof PROPOSTA>;

  @Nullable()
  @IsString()
  servizio: string | null;

  @Nullable()
  @IsString()
  motivazione: string | null;

  @Equals(null)
  urgenza: null;
}

/** What every closed accesso says, whatever its esito. */
abstract class AccessoChiusoBaseV1 {
  @IsUUID()
  accessoId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  sede: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsIn(AREE_BISOGNO)
  areaBisogno: AreaBisogno;

  @IsString()
  richiesta: string;

  @IsISO8601()
  chiusoIl: string;

  @IsString()
  operatoreId: string;
}

/** `evt.accesso.accesso.chiuso.v1` with a proposta di presa in carico: the intake of presa-in-carico. */
export class AccessoChiusoConPropostaV1 extends AccessoChiusoBaseV1 {
  @Annidato(() => EsitoPropostaV1)
  esito: EsitoPropostaV1;

  @Annidato(() => PersonaPropostaV1)
  persona: PersonaPropostaV1;
}

/** `evt.accesso.accesso.chiuso.v1` with any other esito: no personal data beyond the ids. */
export class AccessoChiusoSenzaPropostaV1 extends AccessoChiusoBaseV1 {
  @Annidato(() => EsitoSenzaPropostaV1)
  esito: EsitoSenzaPropostaV1;

  @Equals(null)
  persona: null;
}

/** `evt.accesso.accesso.chiuso.v1`, discriminated by `esito.tipo`. */
export type AccessoChiusoV1 = AccessoChiusoConPropostaV1 | AccessoChiusoSenzaPropostaV1;

export function isPropostaPresaInCarico(payload: AccessoChiusoV1): payload is AccessoChiusoConPropostaV1 {
  return payload.esito.tipo === PROPOSTA;
}

/** `evt.accesso.persona.aggiornata.v1`: which fields changed, never their values. */
export class PersonaAggiornataV1 {
  @IsUUID()
  personaId: string;

  @IsString({ each: true })
  campi: string[];
}

/** `evt.accesso.persona.deceduta.v1` */
export class PersonaDecedutaV1 {
  @IsUUID()
  personaId: string;

  @Matches(ISO_DATE_PATTERN)
  dataDecesso: string;
}

/**
 * `evt.accesso.persona.residenza-cambiata.v1`: the persona moved. The comune (a territory code, as on
 * the accesso events) and its sub-ambito, so that presa-in-carico can move an open cartella to the équipe
 * of the new sub-ambito; no other data of the person.
 */
export class PersonaResidenzaCambiataV1 {
  @IsUUID()
  personaId: string;

  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Nuovo comune di residenza (ISTAT); null se all’estero')
  comuneResidenza: string | null;

  @Nullable()
  @IsString()
  @Descrizione('Sub-ambito del nuovo comune; null se fuori dall’Ambito')
  subAmbito: string | null;
}

/**
 * `evt.accesso.ricovero.iniziato.v1`: ids and dates only (the kind of ricovero is read, with a purpose,
 * from `accesso.persona.leggi`); the misure service suspends the payments of the period.
 */
export class RicoveroIniziatoV1 {
  @IsUUID()
  ricoveroId: string;

  @IsUUID()
  personaId: string;

  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine, se già nota')
  al: string | null;
}

/** `evt.accesso.ricovero.concluso.v1`: the ricovero ended (dimissione); ids and dates only. */
export class RicoveroConclusoV1 {
  @IsUUID()
  ricoveroId: string;

  @IsUUID()
  personaId: string;

  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  al: string;
}
