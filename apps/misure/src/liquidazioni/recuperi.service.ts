import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type ModalitaMeseParziale,
  type RecuperoV1,
  type RegistraRecuperoV1,
  type RichiediRecuperoV1,
  type StatoRecupero,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { Money } from '@ambito/kernel';
import { beneficioPerId } from '../benefici/benefici.sql';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import {
  inserisciRecupero,
  liquidazioneDelMese,
  mesiPagatiDopoLaFine,
  recuperiDelBeneficio,
  recuperoPerId,
  richiediRecupero,
  type RecuperoRow,
} from './liquidazioni.sql';
import { nonDovuto } from './non-dovuto';

export const beneficioNonTrovato = () => new DomainError('BENEFICIO_NON_TROVATO', 'Beneficio non trovato.');
const recuperoNonTrovato = () => new DomainError('RECUPERO_NON_TROVATO', 'Recupero non trovato.');

/**
 * `in-compensazione` while payments of the beneficio follow and nothing was claimed; `da-richiedere`
 * when the beneficio ended with something left; `richiesto` once claimed; `estinto` when recovered.
 */
export function statoRecupero(r: RecuperoRow): StatoRecupero {
  if (Number(r.compensato_centesimi) >= Number(r.importo_centesimi)) return 'estinto';
  if (r.richiesta_numero !== null) return 'richiesto';
  return r.beneficio_attivo ? 'in-compensazione' : 'da-richiedere';
}

export function toRecuperoV1(r: RecuperoRow): RecuperoV1 {
  const importo = Number(r.importo_centesimi);
  const compensato = Number(r.compensato_centesimi);
  return {
    id: r.id,
    beneficioId: r.beneficio_id,
    mese: r.mese,
    causa: r.causa,
    importoCentesimi: importo,
    compensatoCentesimi: compensato,
    residuoCentesimi: importo - compensato,
    stato: statoRecupero(r),
    motivo: r.motivo,
    richiesta: r.richiesta_numero ? `${r.richiesta_numero} del ${r.richiesta_data}` : null,
    registratoIl: r.registrato_il.toISOString(),
  };
}

/**
 * Amounts paid unduly (issue 10, point 3): a month liquidated and then found not due becomes a recupero,
 * set against the beneficio's next payments (the liquidazioni withhold it, oldest first) or, when no
 * payment follows, claimed with an act. Visible per beneficio.
 */
@Injectable()
export class RecuperiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
  ) {}

  /**
   * The months liquidated after their beneficio's end (a death or an admission reported late) that have
   * no recupero yet get one, with what of the month was not due (`nonDovuto`, the rule set's partial
   * month). Idempotent (one per month: uq_recupero_mese). Returns how many were recorded.
   */
  async rileva(ambito: string, utente: string): Promise<number> {
    const mesi = await mesiPagatiDopoLaFine(this.dataSource.manager, ambito);
    let registrati = 0;
    for (const m of mesi) {
      const calcolo = nonDovuto({
        mese: m.mese,
        terminaDal: m.termina_dal,
        causa: m.causa_fine,
        importoMensileCentesimi: Number(m.importo_mensile_centesimi),
        pagatoCentesimi: Number(m.importo_dovuto_centesimi),
        giorniMese: m.giorni_mese,
        giorniDovuti: m.giorni_dovuti,
        meseParziale: m.mese_parziale as ModalitaMeseParziale | null,
      });
      if (calcolo.nonDovutoCentesimi <= 0) continue;
      const fatto = await inserisciRecupero(this.dataSource.manager, {
        id: randomUUID(),
        beneficioId: m.beneficio_id,
        ambito: m.ambito,
        liquidazioneId: m.liquidazione_id,
        mese: m.mese,
        causa: m.causa_fine === 'decesso' ? 'decesso' : 'fine-beneficio',
        importo: calcolo.nonDovutoCentesimi,
        motivo: calcolo.motivo,
        dettaglio: calcolo.dettaglio,
        registratoDa: utente,
      });
      if (fatto) registrati++;
    }
    return registrati;
  }

  async elenca(beneficioId: string): Promise<RecuperoV1[]> {
    const b = await beneficioPerId(this.dataSource.manager, beneficioId);
    if (!b || b.ambito !== this.contesto.ambito) throw beneficioNonTrovato();
    return (await recuperiDelBeneficio(this.dataSource.manager, beneficioId)).map(toRecuperoV1);
  }

  /** A month an operator finds paid unduly (a suspension known later): at most what was liquidated. */
  async registra(dto: RegistraRecuperoV1): Promise<RecuperoV1> {
    const actor = currentActor();
    const m = this.dataSource.manager;
    const b = await beneficioPerId(m, dto.beneficioId);
    if (!b || b.ambito !== this.contesto.ambito) throw beneficioNonTrovato();
    const liquidazione = await liquidazioneDelMese(m, dto.beneficioId, `${dto.mese}-01`);
    if (!liquidazione || liquidazione.stato !== 'liquidata')
      throw new DomainError(
        'MESE_NON_LIQUIDATO',
        `Il mese ${dto.mese} del beneficio non è stato liquidato: non c’è nulla da recuperare.`,
      );
    const pagato = Number(liquidazione.importo_dovuto_centesimi);
    if (dto.importoCentesimi <= 0 || dto.importoCentesimi > pagato)
      throw new DomainError(
        'RECUPERO_OLTRE_PAGATO',
        `Si recupera al più quanto liquidato per il mese ${dto.mese}: ${Money.ofCents(pagato).format()}.`,
        [{ campo: 'importoCentesimi', messaggi: [`fra 1 e ${pagato}`] }],
      );
    const id = randomUUID();
    const fatto = await inserisciRecupero(m, {
      id,
      beneficioId: dto.beneficioId,
      ambito: b.ambito,
      liquidazioneId: liquidazione.id,
      mese: `${dto.mese}-01`,
      causa: dto.causa,
      importo: dto.importoCentesimi,
      motivo: `${dto.motivazione} (registrato dall’Ufficio di Piano: ${Money.ofCents(dto.importoCentesimi).format()} del mese ${dto.mese}).`,
      dettaglio: { regola: 'REC_OPERATORE', mese: dto.mese, pagatoCentesimi: pagato },
      registratoDa: actor.userId,
    });
    if (!fatto)
      throw new DomainError(
        'RECUPERO_GIA_REGISTRATO',
        `Il mese ${dto.mese} del beneficio ha già un recupero: si legge con i recuperi del beneficio.`,
      );
    return toRecuperoV1((await recuperoPerId(m, id))!);
  }

  /** The claim of what is left, with its act: the payments stop withholding it. */
  async richiedi(dto: RichiediRecuperoV1): Promise<RecuperoV1> {
    const actor = currentActor();
    return this.dataSource.transaction(async (m) => {
      const r = await recuperoPerId(m, dto.id, { blocca: true });
      if (!r || r.ambito !== this.contesto.ambito) throw recuperoNonTrovato();
      const stato = statoRecupero(r);
      if (stato === 'estinto' || stato === 'richiesto')
        throw new DomainError(
          'TRANSIZIONE_NON_CONSENTITA',
          stato === 'estinto'
            ? 'Il recupero è già estinto: non resta nulla da chiedere.'
            : 'La restituzione è già stata chiesta.',
        );
      await richiediRecupero(m, r.id, { numero: dto.numero, data: dto.data }, actor.userId);
      return toRecuperoV1((await recuperoPerId(m, r.id))!);
    });
  }
}
