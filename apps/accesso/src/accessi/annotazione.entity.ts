import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AccessoEntity } from './accesso.entity';

/** A note added to an accesso, also after its closure; never changed. */
@Entity('annotazione_accesso')
export class AnnotazioneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  accessoId: string;

  @ManyToOne(() => AccessoEntity, (a) => a.annotazioni)
  @JoinColumn({ name: 'accesso_id' })
  accesso: Relation<AccessoEntity>;

  @Column('text')
  testo: string;

  @Column('text')
  autoreId: string;

  @Column('text')
  autoreNome: string;

  @CreateDateColumn({ type: 'timestamptz' })
  il: Date;
}
