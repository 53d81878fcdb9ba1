import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  validazioneFallita,
  type AvvisoMisuraV1,
  type CreaAvvisoV1,
  type ElencaAvvisiMisuraV1,
  type ParametriRegoleV1,
} from '@ambito/contracts';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import {
  avvisoPerId,
  chiudi,
  chiudiScaduti,
  elencaAvvisi,
  graduatorieDegliAvvisi,
  inserisciAvviso,
  pubblica,
  type AvvisoRow,
  type GraduatoriaRow,
} from './avvisi.sql';
import { RegoleRepository } from '../regole/regole.repository';

export const avvisoNonTrovato = () => new DomainError('AVVISO_NON_TROVATO', 'Avviso non trovato.');

export const regoleNonInVigore = (dettaglio: string) =>
  new DomainError('REGOLE_NON_IN_VIGORE', `Nessuna versione delle regole applicabile: ${dettaglio}.`);

const transizione = (da: string, a: string) =>
  new DomainError('TRANSIZIONE_NON_CONSENTITA', `Un avviso nello stato «${da}» non può passare a «${a}».`);

/** The strumenti of the rule set that can make each graduatoria: the code exists and covers the area. */
function verificaStrumenti(dto: CreaAvvisoV1, parametri: ParametriRegoleV1): void {
  for (const g of dto.graduatorie) {
    const strumento = parametri.strumenti.find((s) => s.codice === g.strumento);
    if (!strumento)
      throw new DomainError(
        'STRUMENTO_MISURA_SCONOSCIUTO',
        `Lo strumento «${g.strumento}» non è previsto dalle regole della misura: ` +
          `strumenti ammessi ${parametri.strumenti.map((s) => s.codice).join(', ')}.`,
      );
    if (!strumento.aree.includes(g.area))
      throw new DomainError(
        'STRUMENTO_MISURA_SCONOSCIUTO',
        `Lo strumento «${g.strumento}» non è previsto per l’area ${g.area} (aree: ${strumento.aree.join(', ')}).`,
      );
  }
}

export function toAvvisoV1(a: AvvisoRow, graduatorie: GraduatoriaRow[]): AvvisoMisuraV1 {
  return {
    id: a.id,
    ambito: a.ambito,
    misura: a.misura,
    annualita: a.annualita,
    titolo: a.titolo,
    regoleId: a.regole_id,
    apertura: a.apertura,
    chiusura: a.chiusura,
    decorrenza: a.decorrenza,
    mesi: a.mesi,
    stato: a.stato,
    graduatorie: graduatorie
      .filter((g) => g.avviso_id === a.id)
      .map((g) => ({
        id: g.id,
        area: g.area,
        strumento: g.strumento,
        linea: g.linea,
        ...(g.fondo !== null ? { fondo: g.fondo } : {}),
        ...(g.anno_fondo !== null ? { annoFondo: g.anno_fondo } : {}),
        budgetCentesimi: Number(g.budget_centesimi),
      })),
    creatoDa: a.creato_da,
    creatoIl: a.creato_il.toISOString(),
    pubblicatoDa: a.pubblicato_da,
    pubblicatoIl: a.pubblicato_il?.toISOString() ?? null,
    chiusoIl: a.chiuso_il?.toISOString() ?? null,
  };
}

/**
 * Avvisi: created in bozza with the rule set in force on their opening day, published and closed by the
 * Ufficio di Piano (roles declared with the messages, enforced by the RpcServer), or closed when read or
 * listed after their window. `graduatorie-approvate` is set by the graduatorie's approval.
 */
@Injectable()
export class AvvisiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly regole: RegoleRepository,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
  ) {}

  async crea(dto: CreaAvvisoV1): Promise<AvvisoMisuraV1> {
    const actor = currentActor();
    const errori = [];
    if (dto.chiusura < dto.apertura)
      errori.push({ campo: 'chiusura', messaggi: ['non può precedere l’apertura'] });
    if (dto.decorrenza < dto.apertura)
      errori.push({ campo: 'decorrenza', messaggi: ['non può precedere l’apertura'] });
    const chiavi = dto.graduatorie.map((g) => `${g.area}/${g.strumento}`);
    if (new Set(chiavi).size !== chiavi.length)
      errori.push({ campo: 'graduatorie', messaggi: ['una sola graduatoria per area e strumento'] });
    if (errori.length > 0) throw validazioneFallita(errori);

    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      // Read back validated by the rule sets' repository (REGOLE_NON_VALIDE otherwise).
      const regole = dto.regoleId
        ? await this.regole.leggi(dto.regoleId, manager)
        : await this.regole.inVigore(dto.misura, dto.apertura, manager);
      if (!regole)
        throw regoleNonInVigore(
          dto.regoleId
            ? `la versione ${dto.regoleId} non esiste`
            : `nessuna versione in vigore per ${dto.misura} ${dto.annualita} al ${dto.apertura}`,
        );
      if (regole.misura !== dto.misura || regole.annualita !== dto.annualita)
        throw regoleNonInVigore(`la versione è di ${regole.misura} ${regole.annualita}`);
      verificaStrumenti(dto, regole.parametri);
      await inserisciAvviso(
        manager,
        {
          id,
          ambito: this.contesto.ambito,
          misura: dto.misura,
          annualita: dto.annualita,
          titolo: dto.titolo,
          regole_id: regole.id,
          apertura: dto.apertura,
          chiusura: dto.chiusura,
          decorrenza: dto.decorrenza,
          mesi: dto.mesi,
          creato_da: actor.userId,
        },
        dto.graduatorie.map((g) => ({ ...g, id: randomUUID() })),
      );
    });
    return this.leggi(id);
  }

  async pubblica(id: string): Promise<AvvisoMisuraV1> {
    const actor = currentActor();
    await this.dataSource.transaction(async (manager) => {
      const avviso = await this.bloccato(manager, id);
      if (avviso.stato !== 'bozza') throw transizione(avviso.stato, 'pubblicato');
      if (avviso.chiusura < avviso.oggi)
        throw new DomainError(
          'DATA_NON_VALIDA',
          `La finestra dell’avviso è terminata il ${avviso.chiusura}: non si pubblica un avviso scaduto.`,
        );
      await pubblica(manager, id, actor.userId);
      await this.outbox.append(manager, MISURE_EVENTS.avvisoPubblicato, {
        avvisoId: id,
        misura: avviso.misura,
        annualita: avviso.annualita,
        regoleId: avviso.regole_id,
        apertura: avviso.apertura,
        chiusura: avviso.chiusura,
      });
    });
    return this.leggi(id);
  }

  /** Closes a published avviso: on request, whether or not its window is over. */
  async chiudi(id: string): Promise<AvvisoMisuraV1> {
    await this.dataSource.transaction(async (manager) => {
      const avviso = await this.bloccato(manager, id);
      if (avviso.stato !== 'pubblicato') throw transizione(avviso.stato, 'chiuso');
      await chiudi(manager, id);
    });
    return this.leggi(id);
  }

  async leggi(id: string): Promise<AvvisoMisuraV1> {
    await chiudiScaduti(this.dataSource.manager, this.contesto.ambito);
    const avviso = await avvisoPerId(this.dataSource.manager, id);
    if (!avviso || avviso.ambito !== this.contesto.ambito) throw avvisoNonTrovato();
    return toAvvisoV1(avviso, await graduatorieDegliAvvisi(this.dataSource.manager, [id]));
  }

  async elenca(dto: ElencaAvvisiMisuraV1): Promise<AvvisoMisuraV1[]> {
    await chiudiScaduti(this.dataSource.manager, this.contesto.ambito);
    const avvisi = await elencaAvvisi(this.dataSource.manager, { ...dto, ambito: this.contesto.ambito });
    const graduatorie = await graduatorieDegliAvvisi(
      this.dataSource.manager,
      avvisi.map((a) => a.id),
    );
    return avvisi.map((a) => toAvvisoV1(a, graduatorie));
  }

  private async bloccato(manager: EntityManager, id: string): Promise<AvvisoRow> {
    const avviso = await avvisoPerId(manager, id, { blocca: true });
    if (!avviso || avviso.ambito !== this.contesto.ambito) throw avvisoNonTrovato();
    return avviso;
  }
}
