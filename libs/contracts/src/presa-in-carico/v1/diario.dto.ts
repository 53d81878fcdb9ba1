import { DescrizioneClasse } from '../../common/schema-decorators';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Annidato, Descrizione, Intero } from '../../common/schema-decorators';
import { OperatoreCartellaV1 } from './operatore.dto';
import {
  TIPI_VOCE_DIARIO,
  TIPI_VOCE_DIARIO_MANUALE,
  type TipoVoceDiario,
  type TipoVoceDiarioManuale,
} from './vocabolari';
import { TestoMultiriga } from '../../common/input-pulito';

export class AnnotaDiarioV1 {
  @IsUUID()
  id: string;

  @IsIn(TIPI_VOCE_DIARIO_MANUALE, {
    message: 'tipo: colloquio, visita-domiciliare, contatto, documento o nota',
  })
  tipo: TipoVoceDiarioManuale;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  @TestoMultiriga()
  testo: string;
}

export class LeggiDiarioV1 {
  @IsUUID()
  id: string;
}

@DescrizioneClasse('Voce del diario')
export class VoceDiarioV1 {
  @IsUUID()
  id: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;

  @IsIn(TIPI_VOCE_DIARIO)
  tipo: TipoVoceDiario;

  @IsString()
  testo: string;

  @Annidato(() => OperatoreCartellaV1)
  autore: OperatoreCartellaV1;

  @Intero({ min: 1 })
  @Descrizione('Episodio di presa in carico')
  episodio: number;
}
