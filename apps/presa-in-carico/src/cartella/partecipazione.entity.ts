import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Professione } from '@ambito/contracts';

/** An équipe member working a case besides its case manager; removal ends the row, kept in history. */
@Entity('partecipazione')
export class PartecipazioneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('text')
  userId: string;

  @Column('text')
  nome: string;

  @Column('text')
  professione: Professione;

  @Column('text')
  assegnataDa: string;

  @Column('timestamptz')
  dal: Date;

  @Column('timestamptz', { nullable: true })
  al: Date | null;
}
