import { DescrizioneClasse } from '../../common/schema-decorators';
import { IsString } from 'class-validator';
import { Descrizione } from '../../common/schema-decorators';

/** A user named in a reply (case manager, author, assessor): its id and the name shown. */
@DescrizioneClasse('Utente della piattaforma')
export class OperatoreCartellaV1 {
  @IsString()
  @Descrizione('Identificativo dell’utente')
  id: string;

  @IsString()
  nome: string;
}
