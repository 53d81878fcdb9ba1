import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AreaUtenza,
  CaratterePrestazione,
  FonteFinanziamento,
  PresenzaProvaMezzi,
  UnitaIntensita,
} from '@ambito/contracts';

const centesimiNullable = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** An intervento of a project version, coded on the SIUSS nomenclature; cost in euro cents. */
@Entity('intervento')
export class InterventoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  progettoId: string;

  @Column('integer')
  posizione: number;

  @Column('text')
  codicePrestazione: string;

  @Column('text')
  denominazione: string;

  @Column('text')
  erogatore: string;

  @Column('integer')
  intensitaQuantita: number;

  @Column('text')
  intensitaUnita: UnitaIntensita;

  @Column('date')
  dal: string;

  @Column('date')
  al: string;

  // bigint arrives as a string from pg; amounts stay far below Number.MAX_SAFE_INTEGER cents.
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  costoCentesimi: number;

  @Column('text')
  fonteFinanziamento: FonteFinanziamento;

  /** The budget's fund, line and annualità the money comes from: all three, or none outside the budget. */
  @Column('text', { nullable: true })
  imputazioneFondo: string | null;

  @Column('text', { nullable: true })
  imputazioneLinea: string | null;

  @Column('smallint', { nullable: true })
  imputazioneAnnualita: number | null;

  // What SIUSS needs of the prestazione; null where the project predates them or they were not given.

  @Column('smallint', { nullable: true })
  presenzaProvaMezzi: PresenzaProvaMezzi | null;

  @Column('smallint', { nullable: true })
  caratterePrestazione: CaratterePrestazione | null;

  @Column('bigint', { nullable: true, transformer: centesimiNullable })
  importoMensileCentesimi: number | null;

  @Column('smallint', { nullable: true })
  periodoErogazione: number | null;

  @Column('bigint', { nullable: true, transformer: centesimiNullable })
  quotaEnteCentesimi: number | null;

  @Column('bigint', { nullable: true, transformer: centesimiNullable })
  quotaUtenteCentesimi: number | null;

  @Column('bigint', { nullable: true, transformer: centesimiNullable })
  quotaSsnCentesimi: number | null;

  @Column('smallint', { nullable: true })
  areaUtenza: AreaUtenza | null;

  @Column('text', { nullable: true })
  protocolloDomanda: string | null;

  /** The intervento from the misure (a beneficio of misure) this intervento is; its changes flow back. */
  @Column('uuid', { nullable: true })
  interventoMisuraId: string | null;

  @Column('date', { nullable: true })
  sospesoDal: string | null;

  @Column('date', { nullable: true })
  sospesoAl: string | null;
}
