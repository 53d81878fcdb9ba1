import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An ADI household imported from GePI, on the cartella of its applicant (one row per domanda). */
@Entity('nucleo_adi')
export class NucleoAdiEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  codiceDomanda: string;

  @Column('uuid')
  cartellaId: string;

  /** The episode of the cartella the household joined. */
  @Column('integer')
  episodio: number;

  @Column('date')
  dataPad: string;

  @Column('integer', { nullable: true })
  componenti: number | null;

  /** The import of integrazioni it came with. */
  @Column('text')
  riferimento: string;

  @Column('timestamptz')
  registratoIl: Date;
}
