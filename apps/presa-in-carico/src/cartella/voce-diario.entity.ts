import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TipoVoceDiario, VoceDiarioV1 } from '@ambito/contracts';

/** The timeline of a cartella: what the service did and what the operators recorded. */
@Entity('voce_diario')
export class VoceDiarioEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartellaId: string;

  @Column('integer')
  episodio: number;

  @Column('timestamptz')
  il: Date;

  @Column('text')
  tipo: TipoVoceDiario;

  @Column('text')
  testo: string;

  @Column('text')
  autoreId: string;

  @Column('text')
  autoreNome: string;
}

export function toVoceDiarioV1(v: VoceDiarioEntity): VoceDiarioV1 {
  return {
    id: v.id,
    il: v.il.toISOString(),
    tipo: v.tipo,
    testo: v.testo,
    autore: { id: v.autoreId, nome: v.autoreNome },
    episodio: v.episodio,
  };
}
