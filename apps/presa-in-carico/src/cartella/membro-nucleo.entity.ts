import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RelazioneNucleo } from '@ambito/contracts';

/** A member of the person's nucleo familiare, with the relationship to the person. */
@Entity('membro_nucleo')
export class MembroNucleoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('integer')
  posizione: number;

  @Column('text')
  cognome: string;

  @Column('text')
  nome: string;

  @Column('text', { nullable: true })
  codiceFiscale: string | null;

  @Column('date', { nullable: true })
  dataNascita: string | null;

  @Column('text')
  relazione: RelazioneNucleo;

  @Column('boolean')
  convivente: boolean;

  @Column('boolean')
  caregiver: boolean;
}
