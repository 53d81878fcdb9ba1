import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ItemStrumentoV1, StrumentoV1 } from '@ambito/contracts';

/** A version of an assessment instrument: items and scoring are data, bound to their validity date. */
@Entity('strumento_valutazione')
export class StrumentoEntity {
  @PrimaryColumn('text')
  codice: string;

  @PrimaryColumn('integer')
  versione: number;

  @Column('date')
  validoDal: string;

  @Column('text')
  denominazione: string;

  @Column('text')
  fonte: string;

  @Column('jsonb')
  items: ItemStrumentoV1[];

  @Column('jsonb')
  punteggio: StrumentoV1['punteggio'];

  @Column('jsonb', { nullable: true })
  requisitiEquipe: StrumentoV1['requisitiEquipe'];
}

export function toStrumentoV1(s: StrumentoEntity): StrumentoV1 {
  return {
    codice: s.codice,
    versione: s.versione,
    validoDal: s.validoDal,
    denominazione: s.denominazione,
    fonte: s.fonte,
    items: s.items,
    punteggio: s.punteggio,
    requisitiEquipe: s.requisitiEquipe ?? null,
  };
}
