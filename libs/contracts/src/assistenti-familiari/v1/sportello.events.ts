import { IsIn, IsUUID, Matches } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Centesimi, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { ESITI_BONUS, type EsitoBonus } from './sportello.dto';

/* Payloads of the sportello's events: ids (and the amounts rule 10 needs), never personal data. */

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

  @Centesimi()
  @Descrizione(
    'Costo mensile per il datore (retribuzione e contributi): il tetto del cumulo per assistente (regola 10)',
  )
  costoMensileCentesimi: number;

  @Matches(GIORNO_ESISTENTE, { message: 'dataInizio: data nel formato AAAA-MM-GG' })
  dataInizio: string;
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
