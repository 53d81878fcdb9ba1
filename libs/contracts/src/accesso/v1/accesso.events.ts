import { Equals, IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Annidato, Descrizione, Nullable } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';
import {
  AREE_BISOGNO,
  CANALI,
  TIPI_ESITO,
  URGENZE,
  type AreaBisogno,
  type Canale,
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

/*
 * `evt.accesso.accesso.chiuso.v2` carries identifiers and the kind of esito only (issue 14, point 8).
 * Version 1 carried, with a proposta, who the person is (codice fiscale, names, birth date, sex,
 * comune) and, with every esito, the free text of the request, the motivazione, the service sent to
 * and the area di bisogno: texts and categories that may reveal health or other art. 9 data, on a
 * stream kept for weeks and readable by every consumer. The one consumer that needs them (the intake of
 * presa-in-carico) reads them from accesso with its own service identity and a declared purpose
 * (`accesso.proposta.leggi`), so the read is audited. Version 1 is no longer produced nor declared
 * (pre-release software: no consumer of it remains).
 */

/** The esito of a closed accesso with a proposta: its kind and the urgency the équipe plans by. */
export class EsitoPropostaV2 {
  @Equals(PROPOSTA)
  tipo: typeof PROPOSTA;

  @IsIn(URGENZE)
  urgenza: Urgenza;
}

/** Any other esito: its kind only (the service it was sent to is free text, read from accesso). */
export class EsitoSenzaPropostaV2 {
  @IsIn(ESITI_SENZA_PROPOSTA)
  tipo: Exclude<TipoEsito, typeof PROPOSTA>;

  @Equals(null)
  urgenza: null;
}

/** What every closed accesso says: ids, where and when, who closed it. */
abstract class AccessoChiusoBaseV2 {
  @IsUUID()
  accessoId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  sede: string;

  @IsString()
  subAmbito: string;

  @IsISO8601()
  chiusoIl: string;

  @IsString()
  operatoreId: string;
}

/** `evt.accesso.accesso.chiuso.v2` with a proposta di presa in carico: the intake of presa-in-carico. */
export class AccessoChiusoConPropostaV2 extends AccessoChiusoBaseV2 {
  @Annidato(() => EsitoPropostaV2)
  esito: EsitoPropostaV2;
}

/** `evt.accesso.accesso.chiuso.v2` with any other esito. */
export class AccessoChiusoSenzaPropostaV2 extends AccessoChiusoBaseV2 {
  @Annidato(() => EsitoSenzaPropostaV2)
  esito: EsitoSenzaPropostaV2;
}

/** `evt.accesso.accesso.chiuso.v2`, discriminated by `esito.tipo`. */
export type AccessoChiusoV2 = AccessoChiusoConPropostaV2 | AccessoChiusoSenzaPropostaV2;

export function isPropostaPresaInCarico(payload: AccessoChiusoV2): payload is AccessoChiusoConPropostaV2 {
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
