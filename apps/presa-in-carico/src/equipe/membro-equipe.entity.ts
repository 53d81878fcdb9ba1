import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MembroEquipeV1, Professione } from '@ambito/contracts';

/** A member of a sub-ambito's équipe with its profession: case managers are its assistenti sociali. */
@Entity('membro_equipe')
export class MembroEquipeEntity {
  @PrimaryColumn('text')
  subAmbito: string;

  @PrimaryColumn('text')
  userId: string;

  @Column('text')
  nome: string;

  @Column('text')
  professione: Professione;

  @Column('timestamptz')
  registratoIl: Date;

  @Column('text')
  registratoDa: string;
}

export function toMembroEquipeV1(m: MembroEquipeEntity): MembroEquipeV1 {
  return {
    subAmbito: m.subAmbito,
    userId: m.userId,
    nome: m.nome,
    professione: m.professione,
    registratoIl: m.registratoIl.toISOString(),
  };
}
