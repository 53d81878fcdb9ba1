import { IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Annidato, Descrizione } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';
import { SESSI, URGENZE, type Sesso, type Urgenza } from './vocabolari';

/** `accesso.proposta.leggi`: the proposta of one accesso closed with a proposta di presa in carico. */
export class LeggiPropostaV1 {
  @IsUUID()
  accessoId: string;
}

/** Who the person is: what the équipe needs to open (or find) the cartella. */
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

/** The proposta di presa in carico of a closed accesso, as the intake of presa-in-carico reads it. */
export class PropostaPresaInCaricoV1 {
  @IsUUID()
  accessoId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  @Descrizione('Sede del colloquio')
  sede: string;

  @IsString()
  subAmbito: string;

  @IsISO8601()
  chiusoIl: string;

  @Annidato(() => PersonaPropostaV1)
  persona: PersonaPropostaV1;

  @IsString()
  @Descrizione('Motivazione della proposta, scritta dall’operatore')
  motivazione: string;

  @IsIn(URGENZE)
  urgenza: Urgenza;
}
