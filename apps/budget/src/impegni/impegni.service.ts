import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BUDGET_EVENTS,
  DomainError,
  type ImpegnoV1,
  type LiberaImpegnoV1,
  type LiquidazioneV1,
  type RegistraLiquidazioneV1,
  type RegistraMandatoV1,
  type RichiediImpegnoV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { Money } from '@ambito/kernel';
import { OutboxWriter, RequestContext, currentActor } from '@ambito/messaging';
import { cents, differenza } from '../database/sql';
import { isViolation } from '@ambito/persistence';
import { assertFondo } from '../fondi/fondi.service';
import { lineaBloccata } from '../linee/linee.service';
import { RegoleFondo } from '../linee/regole-fondo';
import { assertGestore } from '../ruoli/budget-ruoli';
import {
  dotazioniDisponibili,
  disponibileDellaLinea,
  impegnoBloccato,
  impegnoPerChiave,
  impegnoPerId,
  impostaMandato,
  inserisciImpegno,
  inserisciLiquidazione,
  inserisciMovimento,
  lineaDellImpegno,
  liquidazioneBloccata,
  liquidazioniDellImpegno,
  type ImpegnoRow,
  type LiquidazioneRow,
  type TipoMovimentoImpegno,
} from './impegni.sql';

const nonTrovato = () => new DomainError('IMPEGNO_NON_TROVATO', 'Impegno non trovato.');

/** What identifies a commitment request: the same key with different content is a caller's mistake. */
function impronta(dto: RichiediImpegnoV1): string {
  const campi = [
    dto.linea,
    dto.fondo ?? null,
    dto.anno ?? null,
    dto.importoCentesimi,
    dto.descrizione,
    dto.riferimento ?? null,
    dto.comuneResidenza ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(campi)).digest('hex');
}

function toLiquidazioneV1(l: LiquidazioneRow): LiquidazioneV1 {
  return {
    id: l.id,
    impegnoId: l.impegno_id,
    importoCentesimi: cents(l.importo_centesimi),
    periodo: l.periodo,
    mandato: l.mandato,
    registrataIl: l.registrata_il.toISOString(),
  };
}

type Esito = { impegnoId: string } | { rifiutato: true; disponibile: number };

/**
 * Commitments of a line's money, their releases and the payments against them. Every change locks the
 * line first (`SELECT … FOR UPDATE`), so requests for the same line are serialised; the balance rows'
 * CHECK constraints are the last guard against over-commitment.
 */
@Injectable()
export class ImpegniService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleFondo,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
  ) {}

  async richiedi(dto: RichiediImpegnoV1): Promise<ImpegnoV1> {
    const actor = currentActor();
    assertGestore(actor);
    const firma = impronta(dto);
    const gia = await this.perChiave(this.dataSource.manager, dto.chiaveIdempotenza, firma);
    if (gia) return gia;
    let esito: Esito;
    try {
      esito = await this.dataSource.transaction(async (manager): Promise<Esito> => {
        const linea = await lineaBloccata(manager, dto.linea);
        // A twin request with the same key may have committed while this one waited for the lock.
        const gemello = await this.perChiave(manager, dto.chiaveIdempotenza, firma);
        if (gemello) return { impegnoId: gemello.id };
        if (dto.fondo) await assertFondo(manager, dto.fondo);
        await this.regole.verificaCofinanziamento(manager, linea);
        const dotazioni = await dotazioniDisponibili(manager, linea.id, {
          fondo: dto.fondo ?? null,
          anno: dto.anno ?? null,
        });
        const disponibileLinea = dotazioni.reduce((acc, d) => acc + d.disponibile, 0);
        // Older annualità first: their money is the first to expire.
        const scelta = dotazioni.find((d) => d.disponibile >= dto.importoCentesimi);
        if (!scelta) {
          const disponibile = Math.max(0, ...dotazioni.map((d) => d.disponibile));
          await this.outbox.append(manager, BUDGET_EVENTS.impegnoRifiutato, {
            chiaveIdempotenza: dto.chiaveIdempotenza,
            linea: linea.codice,
            fondo: dto.fondo ?? null,
            anno: dto.anno ?? null,
            importoCentesimi: dto.importoCentesimi,
            riferimento: dto.riferimento ?? null,
            disponibileCentesimi: disponibile,
            motivo: 'BUDGET_INSUFFICIENTE',
          });
          return { rifiutato: true, disponibile };
        }
        const impegnoId = await inserisciImpegno(manager, {
          chiaveIdempotenza: dto.chiaveIdempotenza,
          impronta: firma,
          lineaId: linea.id,
          annualitaId: scelta.annualitaId,
          descrizione: dto.descrizione,
          riferimento: dto.riferimento ?? null,
          comuneResidenza: dto.comuneResidenza ?? null,
          importoCentesimi: dto.importoCentesimi,
          registratoDa: actor.userId,
        });
        await this.movimento(manager, 'impegno', dto.importoCentesimi, {
          annualitaId: scelta.annualitaId,
          lineaId: linea.id,
          impegnoId,
        });
        await this.outbox.append(manager, BUDGET_EVENTS.impegnoRegistrato, {
          impegnoId,
          chiaveIdempotenza: dto.chiaveIdempotenza,
          linea: linea.codice,
          fondo: scelta.fondo,
          anno: scelta.anno,
          importoCentesimi: dto.importoCentesimi,
          riferimento: dto.riferimento ?? null,
          comuneResidenza: dto.comuneResidenza ?? null,
          disponibileLineaCentesimi: differenza(disponibileLinea, dto.importoCentesimi),
        });
        return { impegnoId };
      });
    } catch (error) {
      // Same key on another line: both passed the key check, the unique constraint let one through.
      if (!isViolation(error, '23505', 'uq_impegno_chiave')) throw error;
      const vincitore = await this.perChiave(this.dataSource.manager, dto.chiaveIdempotenza, firma);
      if (!vincitore) throw error;
      return vincitore;
    }
    if ('rifiutato' in esito)
      throw new DomainError(
        'BUDGET_INSUFFICIENTE',
        `Budget insufficiente sulla linea ${dto.linea}: richiesti ${Money.ofCents(dto.importoCentesimi).format()}, ` +
          `disponibili ${Money.ofCents(esito.disponibile).format()}.`,
      );
    return this.impegnoV1(esito.impegnoId);
  }

  /**
   * An impegno names its beneficiary (riferimento, comune of residence, description): each read is
   * audited with the declared purpose, refused ones too; no row, no answer.
   */
  async leggi(id: string): Promise<ImpegnoV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'impegno', risorsaId: id, soggettoId: id };
    try {
      assertGestore(actor);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const risposta = await this.impegnoV1(id);
    await this.audit.consentito(this.dataSource.manager, actor, [traccia]);
    return risposta;
  }

  /** The impegno as replied, after a write of the caller's (the write is its own record). */
  private async impegnoV1(id: string): Promise<ImpegnoV1> {
    const impegno = await impegnoPerId(this.dataSource.manager, id);
    if (!impegno) throw nonTrovato();
    return this.toImpegnoV1(this.dataSource.manager, impegno);
  }

  /** Rinuncia, revoca, decadenza or riduzione: the not yet paid part goes back to the line. */
  async libera(dto: LiberaImpegnoV1): Promise<ImpegnoV1> {
    const actor = currentActor();
    assertGestore(actor);
    await this.dataSource.transaction(async (manager) => {
      const { impegno, linea } = await this.impegnoBloccato(manager, dto.id);
      const residuo = differenza(cents(impegno.importo_centesimi), cents(impegno.liquidato_centesimi));
      const importo = dto.importoCentesimi ?? residuo;
      if (residuo === 0 || importo > residuo)
        throw new DomainError(
          'LIBERAZIONE_OLTRE_RESIDUO',
          `Si può liberare al massimo il residuo non liquidato dell’impegno: ${Money.ofCents(residuo).format()}.`,
        );
      await this.movimento(manager, 'liberazione', importo, {
        annualitaId: impegno.annualita_id,
        lineaId: impegno.linea_id,
        impegnoId: impegno.id,
        causale: dto.causale,
      });
      const disponibile = await disponibileDellaLinea(manager, impegno.linea_id);
      await this.outbox.append(manager, BUDGET_EVENTS.impegnoLiberato, {
        impegnoId: impegno.id,
        linea: linea.codice,
        fondo: impegno.fondo,
        anno: impegno.anno,
        causale: dto.causale,
        importoCentesimi: importo,
        importoImpegnoCentesimi: differenza(cents(impegno.importo_centesimi), importo),
        disponibileLineaCentesimi: disponibile,
      });
    });
    return this.impegnoV1(dto.id);
  }

  /** A payment against the impegno, never above what it has committed and not yet paid. */
  async liquida(dto: RegistraLiquidazioneV1): Promise<LiquidazioneV1> {
    const actor = currentActor();
    assertGestore(actor);
    return this.dataSource.transaction(async (manager) => {
      const { impegno, linea } = await this.impegnoBloccato(manager, dto.impegnoId);
      const residuo = differenza(cents(impegno.importo_centesimi), cents(impegno.liquidato_centesimi));
      if (dto.importoCentesimi > residuo)
        throw new DomainError(
          'LIQUIDAZIONE_OLTRE_IMPEGNO',
          `La liquidazione di ${Money.ofCents(dto.importoCentesimi).format()} supera il residuo dell’impegno ` +
            `(${Money.ofCents(residuo).format()}).`,
        );
      const liquidazione = await inserisciLiquidazione(manager, {
        impegnoId: impegno.id,
        importoCentesimi: dto.importoCentesimi,
        periodo: dto.periodo,
        mandato: dto.mandato ?? null,
        registrataDa: actor.userId,
      });
      await this.movimento(manager, 'liquidazione', dto.importoCentesimi, {
        annualitaId: impegno.annualita_id,
        lineaId: impegno.linea_id,
        impegnoId: impegno.id,
        liquidazioneId: liquidazione.id,
      });
      await this.outbox.append(manager, BUDGET_EVENTS.liquidazioneRegistrata, {
        liquidazioneId: liquidazione.id,
        impegnoId: impegno.id,
        linea: linea.codice,
        fondo: impegno.fondo,
        anno: impegno.anno,
        importoCentesimi: dto.importoCentesimi,
        periodo: dto.periodo,
        mandato: dto.mandato ?? null,
        riferimento: impegno.riferimento,
        comuneResidenza: impegno.comune_residenza,
      });
      return toLiquidazioneV1(liquidazione);
    });
  }

  /** The mandato of a liquidazione, once: repeating the same one is harmless, a different one is refused. */
  async registraMandato(dto: RegistraMandatoV1): Promise<LiquidazioneV1> {
    assertGestore(currentActor());
    return this.dataSource.transaction(async (manager) => {
      const liquidazione = await liquidazioneBloccata(manager, dto.liquidazioneId);
      if (!liquidazione) throw new DomainError('LIQUIDAZIONE_NON_TROVATA', 'Liquidazione non trovata.');
      if (liquidazione.mandato === dto.mandato) return toLiquidazioneV1(liquidazione);
      if (liquidazione.mandato !== null)
        throw new DomainError(
          'MANDATO_GIA_REGISTRATO',
          `La liquidazione ha già il mandato ${liquidazione.mandato}: non si sostituisce.`,
        );
      return toLiquidazioneV1(await impostaMandato(manager, dto.liquidazioneId, dto.mandato));
    });
  }

  /** Line first, then the impegno: the same lock order as a new commitment on that line. */
  private async impegnoBloccato(manager: EntityManager, id: string) {
    const codiceLinea = await lineaDellImpegno(manager, id);
    if (!codiceLinea) throw nonTrovato();
    const linea = await lineaBloccata(manager, codiceLinea);
    const impegno = await impegnoBloccato(manager, id);
    if (!impegno) throw nonTrovato();
    return { impegno, linea };
  }

  private async movimento(
    manager: EntityManager,
    tipo: TipoMovimentoImpegno,
    importoCentesimi: number,
    rif: {
      annualitaId: string;
      lineaId: string;
      impegnoId: string;
      liquidazioneId?: string;
      causale?: string;
    },
  ): Promise<void> {
    await inserisciMovimento(manager, {
      tipo,
      importoCentesimi,
      ...rif,
      registratoDa: currentActor().userId,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
  }

  private async perChiave(manager: EntityManager, chiave: string, firma: string): Promise<ImpegnoV1 | null> {
    const impegno = await impegnoPerChiave(manager, chiave);
    if (!impegno) return null;
    if (impegno.impronta !== firma)
      throw new DomainError(
        'CHIAVE_IDEMPOTENZA_RIUSATA',
        'La chiave di idempotenza è già stata usata per un impegno diverso: usarne una nuova.',
      );
    return this.toImpegnoV1(manager, impegno);
  }

  private async toImpegnoV1(manager: EntityManager, i: ImpegnoRow): Promise<ImpegnoV1> {
    const liquidazioni = await liquidazioniDellImpegno(manager, i.id);
    const importo = cents(i.importo_centesimi);
    const liquidato = cents(i.liquidato_centesimi);
    const residuo = differenza(importo, liquidato);
    return {
      id: i.id,
      chiaveIdempotenza: i.chiave_idempotenza,
      linea: i.linea,
      fondo: i.fondo,
      anno: i.anno,
      descrizione: i.descrizione,
      riferimento: i.riferimento,
      comuneResidenza: i.comune_residenza,
      importoInizialeCentesimi: cents(i.importo_iniziale_centesimi),
      importoCentesimi: importo,
      liquidatoCentesimi: liquidato,
      residuoCentesimi: residuo,
      stato: residuo === 0 ? 'estinto' : 'attivo',
      registratoIl: i.registrato_il.toISOString(),
      liquidazioni: liquidazioni.map(toLiquidazioneV1),
    };
  }
}
