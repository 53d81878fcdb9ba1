import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MotivoChiusura, Sesso, StatoCartella } from '@ambito/contracts';

/** One cartella per person (codice fiscale); a reopening after closure is a new episode of it. */
@Entity('cartella')
export class CartellaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  codiceFiscale: string;

  @Column('text')
  cognome: string;

  @Column('text')
  nome: string;

  @Column('date')
  dataNascita: string;

  @Column('text')
  sesso: Sesso;

  @Column('text')
  comuneResidenza: string;

  /** The persona of the accesso registry, when known: its change of residence moves this cartella. */
  @Column('uuid', { nullable: true })
  personaId: string | null;

  @Column('text')
  subAmbito: string;

  @Column('text')
  stato: StatoCartella;

  @Column('integer')
  episodio: number;

  @Column('text', { nullable: true })
  caseManagerId: string | null;

  @Column('text', { nullable: true })
  caseManagerNome: string | null;

  @Column('timestamptz')
  apertaIl: Date;

  @Column('text', { nullable: true })
  motivoChiusura: MotivoChiusura | null;

  @Column('timestamptz', { nullable: true })
  chiusaIl: Date | null;

  @Column('text', { nullable: true })
  chiusaDa: string | null;

  @Column('text', { nullable: true })
  noteChiusura: string | null;

  /** Not a column: the current équipe members, loaded with the cartella for the scope checks. */
  membri?: string[];
}
