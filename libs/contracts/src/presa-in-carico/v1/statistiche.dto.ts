import { DescrizioneClasse } from '../../common/schema-decorators';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { Annidato, Intero } from '../../common/schema-decorators';
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
  totale: number;
}
