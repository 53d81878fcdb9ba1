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
import type {
  AccessoV1,
  AreaBisogno,
  Canale,
  PresentatoDa,
  StatoAccesso,
  TipoEsito,
  Urgenza,
} from '@ambito/contracts';
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

  /** The person's comune of residence when the accesso happened (for the counters of that time). */
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

/** Needs `persona` and `annotazioni` loaded. */
export function toAccessoV1(a: AccessoEntity): AccessoV1 {
  return {
    id: a.id,
    persona: {
      id: a.persona.id,
      codiceFiscale: a.persona.codiceFiscale,
      cognome: a.persona.cognome,
      nome: a.persona.nome,
    },
    comuneResidenza: a.comuneResidenza,
    dataOra: a.dataOra.toISOString(),
    sede: a.sede,
    subAmbito: a.subAmbito,
    operatore: { id: a.operatoreId, nome: a.operatoreNome },
    canale: a.canale,
    presentatoDa: a.presentatoDa,
    referente: a.referente,
    areaBisogno: a.areaBisogno,
    richiesta: a.richiesta,
    note: a.note,
    stato: a.stato,
    esito: a.esitoTipo
      ? {
          tipo: a.esitoTipo,
          servizio: a.esitoServizio,
          motivazione: a.esitoMotivazione,
          urgenza: a.esitoUrgenza,
          note: a.esitoNote,
        }
      : null,
    chiusoIl: a.chiusoIl?.toISOString() ?? null,
    annotazioni: [...(a.annotazioni ?? [])]
      .sort((x, y) => x.il.getTime() - y.il.getTime())
      .map((n) => ({ testo: n.testo, autore: n.autoreNome, il: n.il.toISOString() })),
  };
}
