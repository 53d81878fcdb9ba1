import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type AttivaRegoleMisuraV1,
  type CopiaRegoleMisuraV1,
  type ParametriRegoleV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { RegoleRepository } from './regole.repository';

const nonTrovate = (id: string) =>
  new DomainError('RISORSA_NON_TROVATA', `Nessuna versione delle regole con id ${id} nell’Ambito.`);

const giorno = (g: string) => `${g.slice(8, 10)}/${g.slice(5, 7)}/${g.slice(0, 4)}`;
const validita = (dal: string, al: string | null) =>
  al ? `dal ${giorno(dal)} al ${giorno(al)}` : `dal ${giorno(dal)} senza termine`;

/** The class instances of a validated request, as the plain JSON document that is stored. */
const comeJson = <T>(valore: T): T => JSON.parse(JSON.stringify(valore)) as T;

/**
 * Next year's rules are made by the Ufficio di Piano as data, never code: a copy of a stored version
 * becomes a bozza with its own validity, acts and (whole) parameters; activating it puts it in force,
 * unless it overlaps another version in force of the same measure. A version in force never changes.
 */
@Injectable()
export class RegoleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
  ) {}

  async copia(dto: CopiaRegoleMisuraV1): Promise<VersioneRegoleMisuraV1> {
    if (dto.validoAl !== null && dto.validoAl < dto.validoDal)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
        { campo: 'validoAl', messaggi: ['validoAl: non può precedere validoDal'] },
      ]);
    const actor = currentActor();
    return this.dataSource.transaction(async (manager) => {
      const origine = await this.regole.leggi(dto.id, manager);
      if (!origine) throw nonTrovate(dto.id);
      await this.regole.bloccaMisura(manager, origine.misura);
      const id = randomUUID();
      const parametri: ParametriRegoleV1 = dto.parametri ? comeJson(dto.parametri) : origine.parametri;
      const versione = await this.regole.prossimaVersione(manager, origine.misura, dto.annualita);
      await this.regole.inserisci(
        manager,
        {
          id,
          documento: {
            misura: origine.misura,
            annualita: dto.annualita,
            validoDal: dto.validoDal,
            validoAl: dto.validoAl,
            atti: comeJson(dto.atti),
            parametri,
          },
          stato: 'bozza',
          derivataDa: origine.id,
          creataDa: actor.userId,
        },
        versione,
      );
      return (await this.regole.leggi(id, manager)) as VersioneRegoleMisuraV1;
    });
  }

  async attiva(dto: AttivaRegoleMisuraV1): Promise<VersioneRegoleMisuraV1> {
    return this.dataSource.transaction(async (manager) => {
      const prima = await this.regole.leggi(dto.id, manager);
      if (!prima) throw nonTrovate(dto.id);
      // The measure's lock before the row's: every writer of the measure takes them in this order.
      await this.regole.bloccaMisura(manager, prima.misura);
      const bozza = (await this.regole.leggi(dto.id, manager, true)) as VersioneRegoleMisuraV1;
      if (bozza.stato !== 'bozza')
        throw new DomainError(
          'TRANSIZIONE_NON_CONSENTITA',
          `Solo una bozza si mette in vigore: questa versione è ${bozza.stato}.`,
        );
      const [altra] = await this.regole.sovrapposte(
        manager,
        bozza.misura,
        bozza.validoDal,
        bozza.validoAl,
        bozza.id,
      );
      if (altra)
        throw new DomainError(
          'REGOLE_SOVRAPPOSTE',
          `La bozza (${validita(bozza.validoDal, bozza.validoAl)}) si sovrappone alla versione ${altra.versione} del ${altra.annualita} in vigore ${validita(altra.validoDal, altra.validoAl)}.`,
        );
      await this.regole.cambiaStato(manager, bozza.id, 'in-vigore');
      return { ...bozza, stato: 'in-vigore' };
    });
  }
}
