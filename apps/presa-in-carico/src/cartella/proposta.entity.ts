import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrigineProposta, StatoProposta, Urgenza } from '@ambito/contracts';

/** A request to take a person in charge, in the queue of a sub-ambito until a case manager is assigned. */
@Entity('proposta')
export class PropostaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('integer')
  episodio: number;

  @Column('text')
  origine: OrigineProposta;

  @Column('uuid', { nullable: true })
  accessoId: string | null;

  @Column('text', { nullable: true })
  inviante: string | null;

  @Column('text', { nullable: true })
  motivazione: string | null;

  @Column('text', { nullable: true })
  urgenza: Urgenza | null;

  @Column('text')
  stato: StatoProposta;

  @Column('text')
  subAmbito: string;

  @Column('timestamptz')
  ricevutaIl: Date;
}
