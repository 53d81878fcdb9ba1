import { IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { Annidato, Descrizione, DescrizioneClasse, Nullable } from '../../common/schema-decorators';
import { TIPI_RICOVERO, type TipoRicovero } from './vocabolari';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';

/** `accesso.persona.leggi-per-misure`: the persona whose istanza the misure service judges. */
export class LeggiPersonaPerMisureV1 {
  @IsUUID()
  personaId: string;
}

/** A ricovero of the person, for the benefici of the misure (sollievo days, definitive admission). */
export class RicoveroPerMisureV1 {
  @IsUUID()
  id: string;

  @IsIn(TIPI_RICOVERO)
  tipo: TipoRicovero;

  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine; null se in corso')
  al: string | null;
}

/**
 * Only what the rules of the misure read about the person (never typed again in the istanza): no
 * name, no codice fiscale, no address.
 */
@DescrizioneClasse('I dati della persona che servono all’istruttoria delle misure')
export class PersonaPerMisureV1 {
  @IsUUID()
  personaId: string;

  @Matches(ISO_DATE_PATTERN)
  dataNascita: string;

  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Comune di residenza (ISTAT); null se residente all’estero')
  comuneResidenza: string | null;

  @IsBoolean()
  @Descrizione('Il comune di residenza è uno dei comuni dell’Ambito')
  residenteNellAmbito: boolean;

  @IsBoolean()
  @Descrizione('Un ricovero residenziale definitivo (RSA, RSD, CSS) è in corso oggi')
  ricoveroDefinitivoInCorso: boolean;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data del decesso, se registrata')
  dataDecesso: string | null;

  @Annidato(() => RicoveroPerMisureV1, { lista: true })
  @Descrizione(
    'I ricoveri della persona dal 1° gennaio dell’anno scorso (i giorni di sollievo si contano per anno solare)',
  )
  ricoveri: RicoveroPerMisureV1[];
}
