import { IsUUID, Matches } from 'class-validator';
import { Descrizione, DescrizioneClasse } from '../../common/schema-decorators';

/** `accesso.persona.leggi-per-isee`: the persona whose ISEE the integrazioni service consults at INPS. */
export class LeggiPersonaPerIseeV1 {
  @IsUUID()
  personaId: string;
}

/** Only the codice fiscale, which INPS needs to find the DSU: nothing else of the person. */
@DescrizioneClasse('Il codice fiscale della persona, per la consultazione dell’ISEE presso INPS')
export class PersonaPerIseeV1 {
  @IsUUID()
  personaId: string;

  @Matches(/^[A-Z0-9]{11,16}$/)
  @Descrizione('Codice fiscale (maiuscolo)')
  codiceFiscale: string;
}
