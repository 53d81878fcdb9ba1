import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type Actor,
  type ElencaElencoLiquidazioneV1,
  type ElencoLiquidazioneV1,
  type ParteCsvElencoLiquidazioneV1,
  type ParteElencoLiquidazioneCsvV1,
  type PagamentoBeneficioV1,
  type RegistraPagamentoBeneficioV1,
} from '@ambito/contracts';
import { AuditService, type CriteriAudit } from '@ambito/audit';
import { CodiceFiscale } from '@ambito/kernel';
import { currentActor } from '@ambito/messaging';
import { beneficioPerId } from '../benefici/benefici.sql';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { formatoProtocollo } from '../istanze/istanze.sql';
import { controllaIban, normalizzaIban } from './iban';
import { intestazioneElencoCsv, righeElencoCsv } from './elenco-csv';
import {
  importiElenco,
  pagamentoPerBeneficio,
  salvaPagamento,
  vociElenco,
  type PagamentoRow,
  type VoceElencoRow,
} from './liquidazioni.sql';
import { beneficioNonTrovato } from './recuperi.service';

/** Rows read for one part of the elenco's CSV, and the bytes after which a part stops growing. */
const RIGHE_PER_PARTE = 1_000;
const BYTE_PER_PARTE = 256_000;

function toVoceElenco(r: VoceElencoRow) {
  return {
    beneficioId: r.beneficio_id,
    protocollo: formatoProtocollo(r.ambito, r.protocollo_anno, r.protocollo_numero),
    misura: r.misura,
    strumento: r.strumento,
    importoDovutoCentesimi: Number(r.importo_dovuto_centesimi),
    compensatoCentesimi: Number(r.compensato_centesimi),
    importoLiquidatoCentesimi: Number(r.importo_liquidato_centesimi),
    impegnoId: r.impegno_id,
    liquidazioneBudgetId: r.liquidazione_budget_id,
    intestatario: r.intestatario,
    nominativo: r.nominativo,
    codiceFiscale: r.codice_fiscale,
    iban: r.iban,
    controlloIban: controllaIban(r.iban),
  };
}

const cursore = (r: VoceElencoRow) => `${r.protocollo_anno}.${r.protocollo_numero}.${r.beneficio_id}`;

function daCursore(dopo: string): { anno: number; numero: number; beneficioId: string } {
  const [anno, numero, beneficioId] = dopo.split('.');
  return { anno: Number(anno), numero: Number(numero), beneficioId };
}

function toPagamentoV1(p: PagamentoRow): PagamentoBeneficioV1 {
  return {
    beneficioId: p.beneficio_id,
    intestatario: p.intestatario,
    nominativo: p.nominativo,
    codiceFiscale: p.codice_fiscale,
    iban: p.iban,
    delega: p.delega,
    versione: p.versione,
    registratoIl: p.registrato_il.toISOString(),
  };
}

/**
 * Who receives a beneficio's payments (the beneficiary or a delegate: AdS, tutore, familiare con
 * delega) and the IBAN, checked (ISO 13616 mod 97) when stored and again when the elenco is made; and
 * the monthly elenco di liquidazione for the ragioneria. Personal data: every write and read is audited
 * with the declared purpose (RpcServer refuses a read without one), the data subject being the person
 * of the beneficio.
 */
@Injectable()
export class PagamentiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CONTESTO_MISURE) private readonly contesto: ContestoMisure,
  ) {}

  async registra(dto: RegistraPagamentoBeneficioV1): Promise<PagamentoBeneficioV1> {
    const actor = currentActor();
    const traccia = { azione: 'registra-pagamento', risorsa: 'beneficio', risorsaId: dto.beneficioId };
    let codiceFiscale: string;
    try {
      codiceFiscale = CodiceFiscale.parse(dto.codiceFiscale).value;
    } catch {
      throw new DomainError(
        'CODICE_FISCALE_NON_VALIDO',
        'Il codice fiscale dell’intestatario non è valido (formato o carattere di controllo).',
        [{ campo: 'codiceFiscale', messaggi: ['codice fiscale non valido'] }],
      );
    }
    const iban = normalizzaIban(dto.iban);
    if (controllaIban(iban) !== 'valido')
      throw new DomainError('VALIDAZIONE_FALLITA', 'IBAN non valido.', [
        { campo: 'iban', messaggi: ['IBAN non valido (cifre di controllo ISO 13616)'] },
      ]);
    return this.dataSource.transaction(async (m) => {
      const b = await beneficioPerId(m, dto.beneficioId, { blocca: true });
      if (!b || b.ambito !== this.contesto.ambito)
        throw await this.audit.negato(actor, traccia, beneficioNonTrovato());
      const p = await salvaPagamento(m, {
        beneficio_id: b.id,
        intestatario: dto.intestatario,
        nominativo: dto.nominativo.trim(),
        codice_fiscale: codiceFiscale,
        iban,
        delega: dto.intestatario === 'delegato' ? (dto.delega ?? null) : null,
        registratoDa: actor.userId,
      });
      await this.audit.consentito(m, actor, [{ ...traccia, soggettoId: b.persona_id }]);
      return toPagamentoV1(p);
    });
  }

  async leggi(beneficioId: string): Promise<PagamentoBeneficioV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi-pagamento', risorsa: 'beneficio', risorsaId: beneficioId };
    const m = this.dataSource.manager;
    const b = await beneficioPerId(m, beneficioId);
    const p = b && b.ambito === this.contesto.ambito ? await pagamentoPerBeneficio(m, beneficioId) : null;
    if (!b || !p)
      throw await this.audit.negato(
        actor,
        { ...traccia, soggettoId: b?.persona_id ?? null },
        new DomainError(
          'RISORSA_NON_TROVATA',
          'Il beneficio non ha coordinate di pagamento registrate (o non esiste).',
        ),
      );
    await this.audit.consentito(m, actor, [{ ...traccia, soggettoId: b.persona_id }]);
    return toPagamentoV1(p);
  }

  /**
   * The month's elenco di liquidazione, a page of rows with the month's totals: each liquidated month
   * with its payee and IBAN, checked again here. Rows without a valid payee are counted (`daCompletare`):
   * the ragioneria does not pay them until the Ufficio di Piano completes them. One audit row for the
   * list with its criteria, one per person in the page.
   */
  async elenco(dto: ElencaElencoLiquidazioneV1): Promise<ElencoLiquidazioneV1> {
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    const m = this.dataSource.manager;
    const [totali, righe] = await Promise.all([
      this.totali(dto.mese),
      vociElenco(m, this.contesto.ambito, `${dto.mese}-01`, {
        offset: (pagina - 1) * perPagina,
        limite: perPagina,
      }),
    ]);
    await this.audita(currentActor(), { mese: dto.mese, pagina, perPagina }, righe);
    return { ...totali, elementi: righe.map(toVoceElenco), pagina, perPagina };
  }

  /**
   * A part of the month's elenco in CSV (elenco-csv.ts): the first with the heading and the month's
   * totals, each at most ~256 KB (a NATS message is 1 MB), the next from the cursor this one returns.
   * Audited as the pages are, one row per person in the part.
   */
  async elencoCsv(dto: ParteElencoLiquidazioneCsvV1): Promise<ParteCsvElencoLiquidazioneV1> {
    const m = this.dataSource.manager;
    const mese = `${dto.mese}-01`;
    const intestazione = dto.dopo ? '' : intestazioneElencoCsv(await this.totali(dto.mese));
    const lette = await vociElenco(m, this.contesto.ambito, mese, {
      limite: RIGHE_PER_PARTE,
      dopo: dto.dopo ? daCursore(dto.dopo) : undefined,
    });
    const prese: VoceElencoRow[] = [];
    const testi: string[] = [intestazione];
    let byte = Buffer.byteLength(intestazione);
    for (const r of lette) {
      const testo = righeElencoCsv([toVoceElenco(r)]);
      byte += Buffer.byteLength(testo);
      if (byte > BYTE_PER_PARTE && prese.length > 0) break;
      prese.push(r);
      testi.push(testo);
    }
    await this.audita(
      currentActor(),
      { mese: dto.mese, formato: 'csv', ...(dto.dopo ? { dopo: dto.dopo } : {}) },
      prese,
    );
    const finita = prese.length === lette.length && lette.length < RIGHE_PER_PARTE;
    return {
      csv: testi.join(''),
      dopo: finita || prese.length === 0 ? null : cursore(prese[prese.length - 1]),
    };
  }

  /** The month's total and the rows without a valid payee, over every row of the month. */
  private async totali(mese: string) {
    const importi = await importiElenco(this.dataSource.manager, this.contesto.ambito, `${mese}-01`);
    let totaleLiquidatoCentesimi = 0;
    let daCompletare = 0;
    for (const r of importi) {
      const importo = Number(r.importo_liquidato_centesimi);
      totaleLiquidatoCentesimi += importo;
      if (importo > 0 && controllaIban(r.iban) !== 'valido') daCompletare += 1;
    }
    return { mese, totale: importi.length, totaleLiquidatoCentesimi, daCompletare };
  }

  private async audita(actor: Actor, criteri: CriteriAudit, righe: VoceElencoRow[]): Promise<void> {
    await this.audit.ricerca(this.dataSource.manager, actor, {
      traccia: { azione: 'elenco-liquidazione', risorsa: 'beneficio' },
      criteri,
      risultati: righe.map((r) => ({
        azione: 'elenco-liquidazione',
        risorsa: 'beneficio',
        risorsaId: r.beneficio_id,
        soggettoId: r.persona_id,
      })),
    });
  }
}
