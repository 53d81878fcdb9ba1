import { Decimale, DescrizioneClasse } from '../../common/schema-decorators';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Descrizione, Nullable } from '../../common/schema-decorators';

export const PROFESSIONI = [
  'assistente-sociale',
  'educatore',
  'pedagogista',
  'psicologo',
  'amministrativo',
  'altro',
  // ASST and external professionals (clinical members of a valutazione multidimensionale).
  'medico',
  'infermiere',
  'neuropsichiatra-infantile',
  'terapista',
] as const;
export type Professione = (typeof PROFESSIONI)[number];

/**
 * The components of a multiprofessional équipe (DM 23/11/2016 art. 2: "componente sanitaria e
 * sociale"): an instrument that requires one group of each is an assessment of the clinical and social
 * équipe. Professions in neither (amministrativo, altro) count for no component.
 */
export const PROFESSIONI_CLINICHE: readonly Professione[] = [
  'psicologo',
  'medico',
  'infermiere',
  'neuropsichiatra-infantile',
  'terapista',
];
export const PROFESSIONI_SOCIALI: readonly Professione[] = ['assistente-sociale', 'educatore', 'pedagogista'];

/** Employment contract of an équipe member: the LEPS counts only permanent (indeterminato) ones. */
export const CONTRATTI_EQUIPE = ['indeterminato', 'determinato', 'altro'] as const;
export type ContrattoEquipe = (typeof CONTRATTI_EQUIPE)[number];

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

  /** Who employs the member: the azienda, a comune, the ASST, a cooperative… */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ente?: string;

  @IsOptional()
  @IsIn(CONTRATTI_EQUIPE)
  contratto?: ContrattoEquipe;

  /** Full-time equivalent of the member's work for the équipe (0.01–1); 1 when left out. */
  @IsOptional()
  @Decimale(2)
  @Min(0.01)
  @Max(1)
  fte?: number;
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

  @Nullable()
  @IsString()
  @Descrizione('Ente di appartenenza (datore di lavoro): azienda, comune, ASST, ente esterno')
  ente: string | null;

  @Nullable()
  @IsIn(CONTRATTI_EQUIPE)
  @Descrizione('Tipo di contratto')
  contratto: ContrattoEquipe | null;

  @Nullable()
  @Decimale(2)
  @Min(0.01)
  @Max(1)
  @Descrizione('Tempo pieno equivalente (FTE)')
  fte: number | null;

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
