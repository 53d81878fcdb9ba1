import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ObiettivoV1, StatoProgetto, TipoProgetto } from '@ambito/contracts';

/** One version of the progetto personalizzato; decided versions are never rewritten (trigger). */
@Entity('progetto')
export class ProgettoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('integer')
  versione: number;

  @Column('integer')
  episodio: number;

  @Column('text')
  stato: StatoProgetto;

  @Column('date')
  dataInizio: string;

  @Column('date')
  dataFine: string;

  @Column('jsonb')
  obiettivi: ObiettivoV1[];

  @Column('jsonb')
  verifiche: { data: string; oggetto: string }[];

  @Column('jsonb')
  impegni: string[];

  @Column('boolean')
  consensoPersona: boolean;

  @Column('text')
  propostoDa: string;

  @Column('text')
  propostoDaNome: string;

  @Column('timestamptz')
  propostoIl: Date;

  @Column('text', { nullable: true })
  decisoDa: string | null;

  @Column('text', { nullable: true })
  decisoDaNome: string | null;

  @Column('timestamptz', { nullable: true })
  decisoIl: Date | null;

  @Column('text', { nullable: true })
  motivazioneDecisione: string | null;

  /** Progetto individuale (art. 14), PaIS, Progetto di Vita; null for versions proposed before. */
  @Column('text', { nullable: true })
  tipo: TipoProgetto | null;
}
