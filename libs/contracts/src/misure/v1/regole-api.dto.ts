import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { AttoRegoleV1, ParametriRegoleV1, RegoleMisuraV1 } from './regole.dto';
import { MISURE, type Misura } from './vocabolari';

/*
 * The requests on stored rule sets (lane misure-regole): list, read, the version in force on a day,
 * copy into a new bozza, activate. A version in force is never changed: the next one is a copy.
 */

/** Lifecycle of a stored rule set: a bozza is copied and edited, then activated; never edited after. */
export const STATI_REGOLE = ['bozza', 'in-vigore', 'ritirata'] as const;
export type StatoRegole = (typeof STATI_REGOLE)[number];

export class ElencaRegoleMisuraV1 {
  @IsOptional()
  @IsIn(MISURE)
  @Descrizione('Solo le regole di questa misura')
  misura?: Misura;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'annualita: anno da 2000 a 2100' })
  @Min(2000, { message: 'annualita: anno da 2000 a 2100' })
  @Max(2100, { message: 'annualita: anno da 2000 a 2100' })
  @Descrizione('Solo le regole di questa annualità')
  annualita?: number;
}

export class LeggiRegoleMisuraV1 {
  @IsUUID()
  id: string;
}

export class LeggiRegoleInVigoreV1 {
  @IsIn(MISURE)
  misura: Misura;

  @Matches(GIORNO_ESISTENTE, { message: 'giorno: data nel formato AAAA-MM-GG' })
  @Descrizione('Il giorno (es. di presentazione di un’istanza) a cui le regole devono essere in vigore')
  giorno: string;
}

/**
 * A new bozza from a stored version: its own validity and acts, and its parameters — the whole
 * document (`parametri`, validated as such) or, without it, the source's unchanged.
 */
export class CopiaRegoleMisuraV1 {
  @IsUUID()
  @Descrizione('Versione da copiare')
  id: string;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @Matches(GIORNO_ESISTENTE, { message: 'validoDal: data nel formato AAAA-MM-GG' })
  validoDal: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE, { message: 'validoAl: data nel formato AAAA-MM-GG' })
  validoAl: string | null;

  @Annidato(() => AttoRegoleV1, { lista: true })
  @ArrayMinSize(1, { message: 'atti: almeno l’atto che stabilisce le regole' })
  atti: AttoRegoleV1[];

  @IsOptional()
  @Annidato(() => ParametriRegoleV1)
  @Descrizione('Parametri completi della nuova versione; assenti: quelli della versione copiata')
  parametri?: ParametriRegoleV1;
}

export class AttivaRegoleMisuraV1 {
  @IsUUID()
  id: string;
}

/** A stored version without its parameters (lists). */
@DescrizioneClasse('Versione delle regole di una misura, senza i parametri')
export class RiepilogoRegoleMisuraV1 {
  @IsUUID()
  id: string;

  @IsIn(MISURE)
  misura: Misura;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @Intero({ min: 1 })
  @Descrizione('Numero della versione nell’annualità della misura')
  versione: number;

  @IsIn(STATI_REGOLE)
  stato: StatoRegole;

  @Matches(GIORNO_ESISTENTE)
  validoDal: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  validoAl: string | null;

  @Annidato(() => AttoRegoleV1, { lista: true })
  atti: AttoRegoleV1[];

  @Nullable()
  @IsUUID()
  @Descrizione('Versione da cui è stata copiata')
  derivataDa: string | null;

  @IsString()
  @Descrizione('Utente che l’ha creata (`sistema` per le regole predefinite)')
  creataDa: string;

  @IsString()
  @Descrizione('Istante di creazione (ISO 8601)')
  creataIl: string;
}

/** A stored version with its whole document. */
@DescrizioneClasse('Versione delle regole di una misura, con il documento completo dei parametri')
export class VersioneRegoleMisuraV1 extends RegoleMisuraV1 {
  @IsUUID()
  id: string;

  @Intero({ min: 1 })
  versione: number;

  @IsIn(STATI_REGOLE)
  stato: StatoRegole;

  @Nullable()
  @IsUUID()
  derivataDa: string | null;

  @IsString()
  creataDa: string;

  @IsString()
  creataIl: string;
}
