import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An assessment with the instrument version it was made with and the score the service computed. */
@Entity('valutazione')
export class ValutazioneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('integer')
  episodio: number;

  @Column('text')
  strumentoCodice: string;

  @Column('integer')
  strumentoVersione: number;

  @Column('date')
  data: string;

  @Column('jsonb')
  risposte: Record<string, number>;

  /** Lists of codes of the items that take several (SINA v2 InvaliditaCivile…); null before. */
  @Column('jsonb', { nullable: true })
  risposteMultiple: Record<string, string[]> | null;

  @Column('integer', { nullable: true })
  punteggio: number | null;

  @Column('integer', { nullable: true })
  punteggioMax: number | null;

  @Column('text')
  valutatoreId: string;

  @Column('text')
  valutatoreNome: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz')
  registrataIl: Date;
}
