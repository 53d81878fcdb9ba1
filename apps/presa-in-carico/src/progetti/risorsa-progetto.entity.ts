import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RisorsaProgettoV1, TipoRisorsa, UnitaIntensita } from '@ambito/contracts';

/** A resource of the budget di progetto that is not money: professional, human or relational. */
@Entity('risorsa_progetto')
export class RisorsaProgettoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  progettoId: string;

  @Column('integer')
  posizione: number;

  @Column('text')
  tipo: TipoRisorsa;

  @Column('text')
  descrizione: string;

  @Column('text')
  fornitaDa: string;

  @Column('integer', { nullable: true })
  impegnoQuantita: number | null;

  @Column('text', { nullable: true })
  impegnoUnita: UnitaIntensita | null;
}

export function toRisorsaProgettoV1(r: RisorsaProgettoEntity): RisorsaProgettoV1 {
  return {
    tipo: r.tipo,
    descrizione: r.descrizione,
    fornitaDa: r.fornitaDa,
    impegno:
      r.impegnoQuantita !== null && r.impegnoUnita !== null
        ? { quantita: r.impegnoQuantita, unita: r.impegnoUnita }
        : null,
  };
}
