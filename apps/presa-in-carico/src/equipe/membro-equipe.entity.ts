import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContrattoEquipe, MembroEquipeV1, Professione } from '@ambito/contracts';

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

  /** The employer (azienda, comune, ASST, external ente). */
  @Column('text', { nullable: true })
  ente: string | null;

  @Column('text', { nullable: true })
  contratto: ContrattoEquipe | null;

  /** Full-time equivalent, 0.01–1; null: unknown (counted as 1). */
  @Column('numeric', {
    precision: 3,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  fte: number | null;

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
    ente: m.ente ?? null,
    contratto: m.contratto ?? null,
    fte: m.fte ?? null,
    registratoIl: m.registratoIl.toISOString(),
  };
}
