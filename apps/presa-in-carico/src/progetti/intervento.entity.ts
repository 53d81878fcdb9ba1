import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FonteFinanziamento, UnitaIntensita } from '@ambito/contracts';

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
}
