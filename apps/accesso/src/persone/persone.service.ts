import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  DomainError,
  type Actor,
  type CercaPersoneV1,
  type PaginaV1,
  type PersonaV1,
  type RegistraPersonaV1,
} from '@ambito/contracts';
import { CodiceFiscale, InvalidCodiceFiscaleError, isIsoDate } from '@ambito/kernel';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { pagina } from '@ambito/persistence';
import { isViolation } from '@ambito/persistence';
import { isOperatore, nonConsentito, visibilitaDatiPersonali } from '../scope/ambito-visibilita';
import { TerritorioService } from '../territorio/territorio.service';
import { PersonaEntity, toPersonaV1 } from './persona.entity';

@Injectable()
export class PersoneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
  ) {}

  async registra(dto: RegistraPersonaV1): Promise<PersonaV1> {
    const actor = currentActor();
    if (!isOperatore(actor))
      throw await this.audit.negato(actor, { azione: 'registra', risorsa: 'persona' }, nonConsentito());
    const codiceFiscale = parseCodiceFiscale(dto.codiceFiscale);
    assertDataNascita(dto.dataNascita);
    this.territorio.comune(dto.comuneResidenza);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const persona = await manager.save(
          manager.create(PersonaEntity, {
            codiceFiscale: codiceFiscale.value,
            cognome: dto.cognome.trim(),
            nome: dto.nome.trim(),
            dataNascita: dto.dataNascita,
            luogoNascita: dto.luogoNascita,
            sesso: dto.sesso,
            cittadinanza: dto.cittadinanza,
            comuneResidenza: dto.comuneResidenza,
            indirizzoResidenza: dto.indirizzoResidenza ?? null,
            telefono: dto.recapiti?.telefono ?? null,
            email: dto.recapiti?.email ?? null,
            registrataDa: actor.userId,
          }),
        );
        await this.audit.consentito(manager, actor, [
          { azione: 'registra', risorsa: 'persona', risorsaId: persona.id, soggettoId: persona.id },
        ]);
        return toPersonaV1(persona);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_persona_codice_fiscale')) {
        throw new DomainError(
          'PERSONA_GIA_REGISTRATA',
          'Una persona con questo codice fiscale è già registrata: cercarla.',
          [{ campo: 'codiceFiscale', messaggi: ['già registrato'] }],
        );
      }
      throw error;
    }
  }

  async leggi(id: string): Promise<PersonaV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'persona' as const, risorsaId: id, soggettoId: id };
    const nonTrovata = new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.');
    let visibili: SelectQueryBuilder<PersonaEntity>;
    try {
      visibili = this.visibili(actor);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const persona = await visibili.andWhere('p.id = :id', { id }).getOne();
    if (!persona) {
      const esiste = await this.dataSource.manager.existsBy(PersonaEntity, { id });
      throw esiste ? await this.audit.negato(actor, traccia, nonTrovata) : nonTrovata;
    }
    await this.audit.consentito(this.dataSource.manager, actor, [traccia]);
    return toPersonaV1(persona);
  }

  /**
   * By name only within one's own territory; by complete codice fiscale across the ambito for operators,
   * because the person is at the desk and must not be registered twice.
   */
  async cerca(query: CercaPersoneV1): Promise<PaginaV1<PersonaV1>> {
    const actor = currentActor();
    const cf = query.codiceFiscale?.trim().toUpperCase();
    const cfCompleto = !!cf && CodiceFiscale.isValid(cf);
    let qb: SelectQueryBuilder<PersonaEntity>;
    try {
      qb =
        cfCompleto && isOperatore(actor)
          ? this.dataSource.getRepository(PersonaEntity).createQueryBuilder('p')
          : this.visibili(actor);
    } catch (error) {
      throw await this.audit.negato(actor, { azione: 'cerca', risorsa: 'persona' }, error as Error);
    }
    if (cf)
      qb.andWhere(cfCompleto ? 'p.codice_fiscale = :cf' : 'p.codice_fiscale LIKE :cf', {
        cf: cfCompleto ? cf : `${escapeLike(cf)}%`,
      });
    if (query.cognome)
      qb.andWhere('lower(p.cognome) LIKE :cognome', {
        cognome: `${escapeLike(query.cognome.trim().toLowerCase())}%`,
      });
    if (query.nome)
      qb.andWhere('lower(p.nome) LIKE :nome', { nome: `${escapeLike(query.nome.trim().toLowerCase())}%` });
    qb.orderBy('lower(p.cognome)').addOrderBy('lower(p.nome)').addOrderBy('p.id');
    const { skip, take, numero } = pagina(query);
    const [persone, totale] = await qb.skip(skip).take(take).getManyAndCount();
    await this.audit.consentito(
      this.dataSource.manager,
      actor,
      persone.map((p) => ({
        azione: 'cerca',
        risorsa: 'persona' as const,
        risorsaId: p.id,
        soggettoId: p.id,
      })),
    );
    return { elementi: persone.map(toPersonaV1), totale, pagina: numero, perPagina: take };
  }

  /** Persone resident in the actor's territory, or with an accesso in one of its sub-ambiti. */
  private visibili(actor: Actor): SelectQueryBuilder<PersonaEntity> {
    const { subAmbiti, comuni } = visibilitaDatiPersonali(actor);
    const residenza = [...new Set([...this.territorio.comuniDi(subAmbiti), ...comuni])];
    return this.dataSource
      .getRepository(PersonaEntity)
      .createQueryBuilder('p')
      .where(
        new Brackets((w) => {
          w.where('p.comune_residenza = ANY(:residenza)', { residenza });
          if (subAmbiti.length > 0)
            w.orWhere(
              'EXISTS (SELECT 1 FROM accesso a WHERE a.persona_id = p.id AND a.sub_ambito = ANY(:subAmbiti))',
              {
                subAmbiti,
              },
            );
        }),
      );
  }
}

function parseCodiceFiscale(value: string): CodiceFiscale {
  try {
    return CodiceFiscale.parse(value);
  } catch (error) {
    if (error instanceof InvalidCodiceFiscaleError)
      throw new DomainError('CODICE_FISCALE_NON_VALIDO', error.message, [
        { campo: 'codiceFiscale', messaggi: [error.message] },
      ]);
    throw error;
  }
}

function assertDataNascita(value: string): void {
  if (!isIsoDate(value) || value > new Date().toISOString().slice(0, 10) || value < '1900-01-01')
    throw new DomainError('DATA_NON_VALIDA', 'Data di nascita impossibile.', [
      { campo: 'dataNascita', messaggi: ['data inesistente, futura o anteriore al 1900'] },
    ]);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
