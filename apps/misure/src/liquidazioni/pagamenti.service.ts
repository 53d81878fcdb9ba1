import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type ElencoLiquidazioneV1,
  type PagamentoBeneficioV1,
  type RegistraPagamentoBeneficioV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { CodiceFiscale } from '@ambito/kernel';
import { currentActor } from '@ambito/messaging';
import { beneficioPerId } from '../benefici/benefici.sql';
import { CONTESTO_MISURE, type ContestoMisure } from '../istanze/contesto';
import { formatoProtocollo } from '../istanze/istanze.sql';
import { controllaIban, normalizzaIban } from './iban';
import { pagamentoPerBeneficio, salvaPagamento, vociElenco, type PagamentoRow } from './liquidazioni.sql';
import { beneficioNonTrovato } from './recuperi.service';

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
   * The month's elenco di liquidazione: each liquidated month with its payee and IBAN, checked again
   * here. Rows without a valid payee are counted (`daCompletare`): the ragioneria does not pay them
   * until the Ufficio di Piano completes them. One audit row for the list with its criteria, one per
   * person in it.
   */
  async elenco(mese: string): Promise<ElencoLiquidazioneV1> {
    const actor = currentActor();
    const righe = await vociElenco(this.dataSource.manager, this.contesto.ambito, `${mese}-01`);
    const voci = righe.map((r) => ({
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
    }));
    await this.audit.ricerca(this.dataSource.manager, actor, {
      traccia: { azione: 'elenco-liquidazione', risorsa: 'beneficio' },
      criteri: { mese },
      risultati: righe.map((r) => ({
        azione: 'elenco-liquidazione',
        risorsa: 'beneficio',
        risorsaId: r.beneficio_id,
        soggettoId: r.persona_id,
      })),
    });
    return {
      mese,
      totaleLiquidatoCentesimi: voci.reduce((s, v) => s + v.importoLiquidatoCentesimi, 0),
      daCompletare: voci.filter((v) => v.importoLiquidatoCentesimi > 0 && v.controlloIban !== 'valido')
        .length,
      voci,
    };
  }
}
