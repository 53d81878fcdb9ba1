import { IsIn, IsOptional, IsString } from 'class-validator';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { STATI_CARTELLA, type StatoCartella } from './vocabolari';

export class ConteggiCartelleV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

@DescrizioneClasse('Cartelle per sub-ambito e stato')
export class ConteggioCartelleV1 {
  @IsString()
  subAmbito: string;

  @IsIn(STATI_CARTELLA)
  stato: StatoCartella;

  @Intero({ min: 0 })
  totale: number;
}

/** Aggregated, non-identifying figures (Ufficio di Piano). */
@DescrizioneClasse('Conteggi delle cartelle')
export class ConteggiCartelleRispostaV1 {
  @Annidato(() => ConteggioCartelleV1, { lista: true })
  righe: ConteggioCartelleV1[];

  @Intero({ min: 0 })
  @Descrizione('Somma delle righe pubblicate (le celle omesse non vi sono comprese)')
  totale: number;

  @Intero({ min: 0 })
  @Descrizione('Celle non pubblicate perché riferite a meno persone della soglia di riservatezza')
  celleOmesse: number;

  @Nullable()
  @Intero({ min: 1 })
  @Descrizione(
    'Numero minimo di persone dietro ogni cella pubblicata (ruoli che vedono solo dati aggregati); null per chi vede in chiaro il proprio territorio',
  )
  sogliaPersone: number | null;
}
