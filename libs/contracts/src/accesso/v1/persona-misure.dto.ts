import { IsBoolean, IsUUID, Matches } from 'class-validator';
import { Descrizione, DescrizioneClasse, Nullable } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';

/** `accesso.persona.leggi-per-misure`: the persona whose istanza the misure service judges. */
export class LeggiPersonaPerMisureV1 {
  @IsUUID()
  personaId: string;
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
}
