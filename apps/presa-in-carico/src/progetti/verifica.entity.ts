import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EsitoObiettivo, VerificaV1 } from '@ambito/contracts';

/** A verifica of an approved project: how each obiettivo is going. */
@Entity('verifica')
export class VerificaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  progettoId: string;

  @Column('uuid')
  cartellaId: string;

  @Column('date')
  data: string;

  @Column('jsonb')
  esiti: { obiettivo: number; esito: EsitoObiettivo; note: string | null }[];

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text')
  registrataDa: string;

  @Column('text')
  registrataDaNome: string;

  @Column('timestamptz')
  registrataIl: Date;
}

export function toVerificaV1(v: VerificaEntity): VerificaV1 {
  return {
    id: v.id,
    progettoId: v.progettoId,
    data: v.data,
    esiti: v.esiti,
    note: v.note,
    registrataDa: { id: v.registrataDa, nome: v.registrataDaNome },
    registrataIl: v.registrataIl.toISOString(),
  };
}
