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
  anno: number;
  quota_per_abitante_centesimi: string;
  solidarieta_per_abitante_centesimi: string;
  data_riferimento_abitanti: string;
  atto: string;
  registrata_il: Date;
}

const SELECT_QUOTA = `SELECT id, anno, quota_per_abitante_centesimi, solidarieta_per_abitante_centesimi,
  to_char(data_riferimento_abitanti, 'YYYY-MM-DD') AS data_riferimento_abitanti, atto, registrata_il FROM quota_capitaria`;

function toQuotaV1(q: QuotaRow): QuotaCapitariaV1 {
  return {
    id: q.id,
    anno: q.anno,
    quotaPerAbitanteCentesimi: cents(q.quota_per_abitante_centesimi),
    solidarietaPerAbitanteCentesimi: cents(q.solidarieta_per_abitante_centesimi),
    dataRiferimentoAbitanti: q.data_riferimento_abitanti,
    atto: q.atto,
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

  /** A new delibera for the same year supersedes the previous one, which stays in the history. */
  async delibera(dto: DeliberaQuotaCapitariaV1): Promise<QuotaCapitariaV1> {
    const actor = currentActor();
    assertGestore(actor);
    const [quota] = await this.dataSource.query<QuotaRow[]>(
      `WITH nuova AS (
         INSERT INTO quota_capitaria (anno, quota_per_abitante_centesimi, solidarieta_per_abitante_centesimi,
                                      data_riferimento_abitanti, atto, registrata_da)
         VALUES ($1, $2, $6, $3, $4, $5) RETURNING *)
       SELECT id, anno, quota_per_abitante_centesimi, solidarieta_per_abitante_centesimi,
              to_char(data_riferimento_abitanti, 'YYYY-MM-DD') AS data_riferimento_abitanti, atto, registrata_il FROM nuova`,
      [
        dto.anno,
        dto.quotaPerAbitanteCentesimi,
        dto.dataRiferimentoAbitanti,
        dto.atto,
        actor.userId,
        dto.solidarietaPerAbitanteCentesimi ?? 0,
      ],
    );
    return toQuotaV1(quota);
  }

  async registraAbitanti(dto: RegistraAbitantiV1): Promise<AbitantiRegistratiV1> {
    assertGestore(currentActor());
    await this.dataSource.transaction(async (manager) => {
      for (const c of dto.comuni) {
        await manager.query(
          `INSERT INTO abitanti_comune (istat, data_riferimento, denominazione, abitanti) VALUES ($1, $2, $3, $4)
           ON CONFLICT (istat, data_riferimento) DO UPDATE
             SET denominazione = EXCLUDED.denominazione, abitanti = EXCLUDED.abitanti, registrati_il = now()`,
          [c.istat, dto.dataRiferimento, c.denominazione, c.abitanti],
        );
      }
    });
    return {
      dataRiferimento: dto.dataRiferimento,
      comuni: dto.comuni.length,
      abitanti: dto.comuni.reduce((acc, c) => acc + c.abitanti, 0),
    };
  }

  async prospetto(dto: ProspettoQuoteComuniV1): Promise<ProspettoQuoteComuniRispostaV1> {
    const visibili = comuniVisibili(currentActor());
    if (dto.comune && visibili && !visibili.includes(dto.comune))
      throw new DomainError(
        'FUORI_AMBITO_TERRITORIALE',
        `Operazione non consentita: il comune ${dto.comune} non è tra quelli assegnati.`,
      );
    const [quota] = await this.dataSource.query<QuotaRow[]>(
      `${SELECT_QUOTA} WHERE anno = $1 ORDER BY registrata_il DESC LIMIT 1`,
      [dto.anno],
    );
    if (!quota)
      throw new DomainError(
        'QUOTA_CAPITARIA_NON_DELIBERATA',
        `L’Assemblea non ha ancora deliberato la quota pro-capite per il ${dto.anno}.`,
      );
    const filtro = dto.comune ? [dto.comune] : visibili;
    // Each comune's latest population on or before the reference date of the delibera.
    const righe = await this.dataSource.query<
      Array<{ istat: string; denominazione: string; abitanti: number }>
    >(
      `SELECT DISTINCT ON (istat) istat, denominazione, abitanti FROM abitanti_comune
        WHERE data_riferimento <= $1 AND ($2::text[] IS NULL OR istat = ANY($2))
        ORDER BY istat, data_riferimento DESC`,
      [quota.data_riferimento_abitanti, filtro],
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
      anno: q.anno,
      quotaPerAbitanteCentesimi: q.quotaPerAbitanteCentesimi,
      solidarietaPerAbitanteCentesimi: q.solidarietaPerAbitanteCentesimi,
      dataRiferimentoAbitanti: q.dataRiferimentoAbitanti,
      atto: q.atto,
      comuni,
      totaleCentesimi: somma(...comuni.map((c) => c.dovutoCentesimi)),
    };
  }
}
