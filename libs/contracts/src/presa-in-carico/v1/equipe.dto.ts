import { DescrizioneClasse } from '../../common/schema-decorators';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Descrizione } from '../../common/schema-decorators';

export const PROFESSIONI = [
  'assistente-sociale',
  'educatore',
  'pedagogista',
  'psicologo',
  'amministrativo',
  'altro',
] as const;
export type Professione = (typeof PROFESSIONI)[number];

/** The coordinator registers a member of its sub-ambito's équipe. */
export class RegistraMembroEquipeV1 {
  @IsString()
  @IsNotEmpty()
  subAmbito: string;

  /** User id (the token's `sub`). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nome: string;

  @IsIn(PROFESSIONI)
  professione: Professione;
}

export class ElencaEquipeV1 {
  @IsString()
  @IsNotEmpty()
  subAmbito: string;
}

/** The équipe members working the case besides its case manager (replaces the current list). */
export class AssegnaEquipeCasoV1 {
  @IsUUID()
  id: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  membri: string[];
}

@DescrizioneClasse('Membro dell’équipe')
export class MembroEquipeV1 {
  @IsString()
  subAmbito: string;

  @IsString()
  @Descrizione('Identificativo dell’utente')
  userId: string;

  @IsString()
  nome: string;

  @IsIn(PROFESSIONI)
  professione: Professione;

  @IsISO8601()
  @Descrizione('Quando')
  registratoIl: string;
}

/** A member of the sub-ambito's équipe currently working a case besides its case manager. */
@DescrizioneClasse('Membro dell’équipe del caso')
export class MembroEquipeCasoV1 {
  @IsString()
  @Descrizione('Identificativo dell’utente')
  userId: string;

  @IsString()
  nome: string;

  @IsIn(PROFESSIONI)
  professione: Professione;

  @IsISO8601()
  @Descrizione('Da quando')
  dal: string;
}
