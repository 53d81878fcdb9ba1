import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RicoveroV1, TipoRicovero } from '@ambito/contracts';

/** A ricovero of a persona, with its dates: what suspends or ends the payments of the misure. */
@Entity('ricovero')
export class RicoveroEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  personaId: string;

  @Column('text')
  tipo: TipoRicovero;

  @Column('date')
  dal: string;

  @Column('date', { nullable: true })
  al: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  registratoIl: Date;

  @Column({ type: 'text', update: false })
  registratoDa: string;

  @Column('text', { nullable: true })
  conclusoDa: string | null;
}

export function toRicoveroV1(r: RicoveroEntity): RicoveroV1 {
  return {
    id: r.id,
    personaId: r.personaId,
    tipo: r.tipo,
    dal: r.dal,
    al: r.al,
    registratoIl: r.registratoIl.toISOString(),
  };
}
