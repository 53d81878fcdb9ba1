import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who was case manager of a cartella and when; a reassignment ends the current row, never rewrites it. */
@Entity('assegnazione')
export class AssegnazioneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('text')
  caseManagerId: string;

  @Column('text')
  caseManagerNome: string;

  @Column('text')
  assegnataDa: string;

  @Column('timestamptz')
  dal: Date;

  @Column('timestamptz', { nullable: true })
  al: Date | null;

  @Column('text', { nullable: true })
  note: string | null;
}
