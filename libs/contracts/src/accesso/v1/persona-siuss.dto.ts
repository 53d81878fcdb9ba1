import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { Descrizione, DescrizioneClasse, Nullable } from '../../common/schema-decorators';
import { SESSI, type Sesso } from './vocabolari';
import { BELFIORE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';

/** `accesso.persona.leggi-per-siuss`: the beneficiary of a prestazione the SIUSS feed reports. */
export class LeggiPersonaPerSiussV1 {
  @IsUUID()
  personaId: string;
}

@DescrizioneClasse(
  'L’anagrafica che il SIUSS chiede per un beneficiario (Anagrafica e Indirizzo del tracciato PS-PSA-SINA)',
)
export class PersonaPerSiussV1 {
  @IsUUID()
  personaId: string;

  @IsString()
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Matches(ISO_DATE_PATTERN)
  dataNascita: string;

  @Matches(BELFIORE_PATTERN)
  @Descrizione('Luogo di nascita, codice Belfiore (comune italiano o Z… per lo Stato estero)')
  luogoNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  @Nullable()
  @IsString()
  @Descrizione('Cittadinanza, codice ISTAT di 3 cifre; null se non registrata')
  cittadinanzaIstat: string | null;

  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Comune di residenza (codice ISTAT); null se risiede all’estero')
  comuneResidenza: string | null;

  @Nullable()
  @IsString()
  @Descrizione('Stato estero di residenza (ISO 3166-1 numerico); null se risiede in Italia')
  statoEsteroResidenza: string | null;
}
