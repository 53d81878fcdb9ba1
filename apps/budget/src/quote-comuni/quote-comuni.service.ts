import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type AbitantiRegistratiV1,
  type DeliberaQuotaCapitariaV1,
  type ProspettoQuoteComuniRispostaV1,
  type ProspettoQuoteComuniV1,
  type QuotaCapitariaV1,
  type RegistraAbitantiV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { cents, prodotto, somma } from '../database/sql';
import { assertGestore, comuniVisibili } from '../ruoli/budget-ruoli';

interface QuotaRow {
  id: string;
  ambito: string;
  anno: number;
  quota_per_abitante_centesimi: string;
  solidarieta_per_abitante_centesimi: string;
  data_riferimento_abitanti: string;
  atto: string;
  atto_numero: string | null;
  atto_data: string | null;
  atto_organo: string | null;
  da_verificare: boolean;
  registrata_il: Date;
}

const COLONNE_QUOTA = `id, ambito, anno, quota_per_abitante_centesimi, solidarieta_per_abitante_centesimi,
  to_char(data_riferimento_abitanti, 'YYYY-MM-DD') AS data_riferimento_abitanti, atto, atto_numero,
  to_char(atto_data, 'YYYY-MM-DD') AS atto_data, atto_organo, da_verificare, registrata_il`;

function toQuotaV1(q: QuotaRow): QuotaCapitariaV1 {
  return {
    id: q.id,
    ambito: q.ambito,
    anno: q.anno,
    quotaPerAbitanteCentesimi: cents(q.quota_per_abitante_centesimi),
    solidarietaPerAbitanteCentesimi: cents(q.solidarieta_per_abitante_centesimi),
    dataRiferimentoAbitanti: q.data_riferimento_abitanti,
    atto: q.atto,
    attoNumero: q.atto_numero,
    attoData: q.atto_data,
    attoOrgano: q.atto_organo,
    daVerificare: q.da_verificare,
    registrataIl: q.registrata_il.toISOString(),
  };
}

/**
 * Quote pro-capite: what each comune owes = inhabitants at the reference date × the deliberated quota,
 * plus the same inhabitants × its per-inhabitant contribution to the fondo di solidarietà.
 */
@Injectable()
export class QuoteComuniService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new delibera for the same ambito and year supersedes the previous one, which stays in the history. */
  async delibera(dto: DeliberaQuotaCapitariaV1): Promise<QuotaCapitariaV1> {
    const actor = currentActor();
    assertGestore(actor);
    // Inhabitants at 1 January of the reference year: a later count would be one the act could not know.
    if (dto.dataRiferimentoAbitanti > `${dto.anno}-01-01`)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
        {
          campo: 'dataRiferimentoAbitanti',
          messaggi: [`dataRiferimentoAbitanti: al più il 1° gennaio ${dto.anno}`],
        },
      ]);
    const [quota] = await this.dataSource.query<QuotaRow[]>(
      `WITH nuova AS (
         INSERT INTO quota_capitaria (ambito, anno, quota_per_abitante_centesimi, solidarieta_per_abitante_centesimi,
                                      data_riferimento_abitanti, atto, atto_numero, atto_data, atto_organo,
                                      da_verificare, registrata_da)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *)
       SELECT ${COLONNE_QUOTA} FROM nuova`,
      [
        dto.ambito,
        dto.anno,
        dto.quotaPerAbitanteCentesimi,
        dto.solidarietaPerAbitanteCentesimi ?? 0,
        dto.dataRiferimentoAbitanti,
        dto.atto,
        dto.attoNumero,
        dto.attoData,
        dto.attoOrgano,
        dto.daVerificare ?? false,
        actor.userId,
      ],
    );
    return toQuotaV1(quota);
  }

  async registraAbitanti(dto: RegistraAbitantiV1): Promise<AbitantiRegistratiV1> {
    assertGestore(currentActor());
    await this.dataSource.transaction(async (manager) => {
      for (const c of dto.comuni) {
        await manager.query(
          `INSERT INTO abitanti_comune (istat, data_riferimento, denominazione, abitanti, fonte, ambito)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (istat, data_riferimento) DO UPDATE
             SET denominazione = EXCLUDED.denominazione, abitanti = EXCLUDED.abitanti,
                 fonte = EXCLUDED.fonte, ambito = EXCLUDED.ambito, registrati_il = now()`,
          [c.istat, dto.dataRiferimento, c.denominazione, c.abitanti, dto.fonte, dto.ambito],
        );
      }
    });
    return {
      dataRiferimento: dto.dataRiferimento,
      comuni: dto.comuni.length,
      abitanti: dto.comuni.reduce((acc, c) => acc + c.abitanti, 0),
      fonte: dto.fonte,
    };
  }

  async prospetto(dto: ProspettoQuoteComuniV1): Promise<ProspettoQuoteComuniRispostaV1> {
    const visibili = comuniVisibili(currentActor());
    if (dto.comune && visibili && !visibili.includes(dto.comune))
      throw new DomainError(
        'FUORI_AMBITO_TERRITORIALE',
        `Operazione non consentita: il comune ${dto.comune} non è tra quelli assegnati.`,
      );
    // The latest delibera of each ambito for the year; without `ambito` there must be only one.
    const quote = await this.dataSource.query<QuotaRow[]>(
      `SELECT DISTINCT ON (ambito) ${COLONNE_QUOTA} FROM quota_capitaria
        WHERE anno = $1 AND ($2::text IS NULL OR ambito = $2) ORDER BY ambito, registrata_il DESC`,
      [dto.anno, dto.ambito ?? null],
    );
    if (quote.length === 0)
      throw new DomainError(
        'QUOTA_CAPITARIA_NON_DELIBERATA',
        `Non è ancora deliberata la quota pro-capite per il ${dto.anno}` +
          `${dto.ambito ? ` nell’ambito ${dto.ambito}` : ''}.`,
      );
    if (quote.length > 1)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
        {
          campo: 'ambito',
          messaggi: [`ambito: indicare l’ambito (${quote.map((x) => x.ambito).join(', ')})`],
        },
      ]);
    const [quota] = quote;
    const filtro = dto.comune ? [dto.comune] : visibili;
    // Each comune's latest population on or before the reference date of the delibera.
    const righe = await this.dataSource.query<
      Array<{ istat: string; denominazione: string; abitanti: number }>
    >(
      `SELECT DISTINCT ON (istat) istat, denominazione, abitanti FROM abitanti_comune
        WHERE data_riferimento <= $1 AND ($2::text[] IS NULL OR istat = ANY($2)) AND ambito = $3
        ORDER BY istat, data_riferimento DESC`,
      [quota.data_riferimento_abitanti, filtro, quota.ambito],
    );
    const q = toQuotaV1(quota);
    const comuni = righe
      .map((r) => {
        const quotaCentesimi = prodotto(r.abitanti, q.quotaPerAbitanteCentesimi);
        const solidarietaCentesimi = prodotto(r.abitanti, q.solidarietaPerAbitanteCentesimi);
        return {
          istat: r.istat,
          denominazione: r.denominazione,
          abitanti: r.abitanti,
          quotaCentesimi,
          solidarietaCentesimi,
          dovutoCentesimi: somma(quotaCentesimi, solidarietaCentesimi),
        };
      })
      .sort((a, b) => a.denominazione.localeCompare(b.denominazione, 'it'));
    return {
      ambito: q.ambito,
      anno: q.anno,
      quotaPerAbitanteCentesimi: q.quotaPerAbitanteCentesimi,
      solidarietaPerAbitanteCentesimi: q.solidarietaPerAbitanteCentesimi,
      dataRiferimentoAbitanti: q.dataRiferimentoAbitanti,
      atto: q.atto,
      attoNumero: q.attoNumero,
      attoData: q.attoData,
      attoOrgano: q.attoOrgano,
      daVerificare: q.daVerificare,
      comuni,
      totaleCentesimi: somma(...comuni.map((c) => c.dovutoCentesimi)),
    };
  }
}
