import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A versioned parameter of a rule (law as data): its value from `validoDal` to `validoAl` (included;
 * null: still in force) and the act that sets it. A change of the law is a new row, never an edit.
 */
@Entity('parametro_normativo')
export class ParametroEntity {
  @PrimaryColumn('text')
  codice: string;

  @PrimaryColumn('date')
  validoDal: string;

  @Column('date', { nullable: true })
  validoAl: string | null;

  @Column('integer')
  valore: number;

  @Column('text')
  atto: string;
}
