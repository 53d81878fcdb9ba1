import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { Descrizione, DescrizioneClasse, Nullable } from '../../common/schema-decorators';
import { CODICE_FISCALE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';
import { SESSI, type Sesso } from './vocabolari';

/** Most codici fiscali of one `accesso.persona.cerca-per-integrazioni` (one GePI file at most). */
export const MAX_PERSONE_PER_INTEGRAZIONI = 500;

/**
 * `accesso.persona.cerca-per-integrazioni`: the persone of the registry with these codici fiscali, for
 * an import from a national system (the ADI households of GePI) that opens their cartelle.
 */
export class CercaPersonePerIntegrazioniV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PERSONE_PER_INTEGRAZIONI)
  @IsString({ each: true })
  @Matches(CODICE_FISCALE_PATTERN, {
    each: true,
    message: 'codice fiscale: 16 caratteri alfanumerici o 11 cifre',
  })
  codiciFiscali: string[];
}

@DescrizioneClasse(
  'Una persona dell’anagrafe di accesso trovata per codice fiscale: solo ciò che serve ad aprirne la cartella.',
)
export class PersonaPerIntegrazioniV1 {
  @IsUUID()
  personaId: string;

  @Matches(CODICE_FISCALE_PATTERN)
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Matches(ISO_DATE_PATTERN)
  dataNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Codice ISTAT del comune di residenza; null se residente all’estero')
  comuneResidenza: string | null;
}
