import { IsIn, IsUUID } from 'class-validator';
import { Centesimi, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { ESITI_BONUS, type EsitoBonus } from './sportello.dto';

/* Payloads of the sportello's events: ids (and the Bonus amount), never personal data. */

@DescrizioneClasse('Un contratto di lavoro con un assistente familiare è stato registrato allo sportello')
export class ContrattoRegistratoV1 {
  @IsUUID()
  contrattoId: string;

  @Nullable()
  @IsUUID()
  richiestaId: string | null;

  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  assistenteId: string | null;
}

@DescrizioneClasse('Una richiesta di una famiglia è soddisfatta da un contratto')
export class RichiestaSoddisfattaV1 {
  @IsUUID()
  richiestaId: string;

  @IsUUID()
  contrattoId: string;
}

@DescrizioneClasse(
  'La famiglia ha riferito l’esito della domanda di Bonus assistenti familiari: l’importo conta nel cumulo per assistente',
)
export class EsitoBonusRegistratoV1 {
  @IsUUID()
  verificaId: string;

  @IsUUID()
  contrattoId: string;

  @IsUUID()
  personaId: string;

  @Nullable()
  @IsUUID()
  assistenteId: string | null;

  @Intero({ min: 2015, max: 2100 })
  annualita: number;

  @IsIn(ESITI_BONUS)
  esito: EsitoBonus;

  @Centesimi()
  importoCentesimi: number;
}
