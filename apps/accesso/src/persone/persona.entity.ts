import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PersonaV1, Sesso } from '@ambito/contracts';

@Entity('persona')
export class PersonaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  codiceFiscale: string;

  @Column('text')
  cognome: string;

  @Column('text')
  nome: string;

  @Column('date')
  dataNascita: string;

  @Column('text')
  luogoNascita: string;

  @Column('text')
  sesso: Sesso;

  @Column('text')
  cittadinanza: string;

  /** Any Italian comune, of the Ambito or not; null when the persona resides abroad. */
  @Column('text', { nullable: true })
  comuneResidenza: string | null;

  /** ISO 3166-1 numeric code of the foreign state of residence (as SIUSS codes countries). */
  @Column('text', { nullable: true })
  statoEsteroResidenza: string | null;

  @Column('text', { nullable: true })
  indirizzoResidenza: string | null;

  @Column('text', { nullable: true })
  telefono: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  /** Citizenship as the 3-digit code SIUSS needs (ISO 3166-1 numeric, 380 Italia); `cittadinanza` keeps the alpha-2 code. */
  @Column('text', { nullable: true })
  cittadinanzaIstat: string | null;

  @Column('date', { nullable: true })
  residenteLombardiaDal: string | null;

  /** Domicile, when it differs from the residence. */
  @Column('text', { nullable: true })
  comuneDomicilio: string | null;

  @Column('text', { nullable: true })
  indirizzoDomicilio: string | null;

  @Column('date', { nullable: true })
  dataDecesso: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  registrataIl: Date;

  @Column({ type: 'text', update: false })
  registrataDa: string;
}

export function toPersonaV1(p: PersonaEntity): PersonaV1 {
  return {
    id: p.id,
    codiceFiscale: p.codiceFiscale,
    cognome: p.cognome,
    nome: p.nome,
    dataNascita: p.dataNascita,
    luogoNascita: p.luogoNascita,
    sesso: p.sesso,
    cittadinanza: p.cittadinanza,
    comuneResidenza: p.comuneResidenza,
    statoEsteroResidenza: p.statoEsteroResidenza,
    indirizzoResidenza: p.indirizzoResidenza,
    recapiti: { telefono: p.telefono, email: p.email },
    registrataIl: p.registrataIl.toISOString(),
    cittadinanzaIstat: p.cittadinanzaIstat,
    residenteInLombardiaDal: p.residenteLombardiaDal,
    comuneDomicilio: p.comuneDomicilio,
    indirizzoDomicilio: p.indirizzoDomicilio,
    dataDecesso: p.dataDecesso,
  };
}
