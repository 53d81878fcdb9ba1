import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { AreaBisogno, Canale, PresentatoDa, StatoAccesso, TipoEsito, Urgenza } from '@ambito/contracts';
import { PersonaEntity } from '../persone/persona.entity';
import { AnnotazioneEntity } from './annotazione.entity';

@Entity('accesso')
export class AccessoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  personaId: string;

  @ManyToOne(() => PersonaEntity)
  @JoinColumn({ name: 'persona_id' })
  persona: Relation<PersonaEntity>;

  /**
   * The comune of the Ambito the person belonged to when the accesso happened (for the counters of that
   * time): its residence, for a non-resident its domicile, for someone living outside the sede's comune.
   */
  @Column('text')
  comuneResidenza: string;

  @Column('timestamptz')
  dataOra: Date;

  @Column('text')
  sede: string;

  /** The sede's sub-ambito when the accesso happened. */
  @Column('text')
  subAmbito: string;

  @Column('text')
  operatoreId: string;

  @Column('text')
  operatoreNome: string;

  @Column('text')
  canale: Canale;

  @Column('text')
  presentatoDa: PresentatoDa;

  @Column('text', { nullable: true })
  referente: string | null;

  @Column('text')
  areaBisogno: AreaBisogno;

  @Column('text')
  richiesta: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text')
  stato: StatoAccesso;

  @Column('text', { nullable: true })
  esitoTipo: TipoEsito | null;

  @Column('text', { nullable: true })
  esitoServizio: string | null;

  @Column('text', { nullable: true })
  esitoMotivazione: string | null;

  @Column('text', { nullable: true })
  esitoUrgenza: Urgenza | null;

  @Column('text', { nullable: true })
  esitoNote: string | null;

  @Column('timestamptz', { nullable: true })
  chiusoIl: Date | null;

  @Column('text', { nullable: true })
  chiusoDa: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  registratoIl: Date;

  @OneToMany(() => AnnotazioneEntity, (a) => a.accesso)
  annotazioni: Relation<AnnotazioneEntity>[];
}
