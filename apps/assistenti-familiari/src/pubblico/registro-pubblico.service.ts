import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type CompetenzaAssistente,
  type ElencaRegistroPubblicoV1,
  type FormazioneV1,
  type PaginaRegistroPubblicoV1,
  type VoceRegistroPubblicoV1,
} from '@ambito/contracts';
import { fasceDegliSlot, slotDellOra } from '../registro/disponibilita';
import { versioneRegistroPubblico } from '../registro/registro.sql';
import { CONTESTO_REGISTRO, type ContestoRegistro } from '../sportelli/contesto';

/** Pages kept per replica (distinct filter combinations); the oldest goes first. */
export const VOCI_CACHE_PUBBLICO = 500;

interface RigaPubblica {
  id: string;
  sportello: string;
  nome: string | null;
  competenze: CompetenzaAssistente[] | null;
  formazione: FormazioneV1[] | null;
  disponibilita: number[] | null;
  lingue: string[] | null;
  aree: string[] | null;
  convivente: boolean | null;
  esperienza_mesi: number | null;
  totale: string;
}

/** A field of the scheda, or NULL when the consent in force does not list it: decided in the query. */
const SE = (campo: string, espressione: string, alias: string) =>
  `CASE WHEN '${campo}' = ANY (c.campi) THEN ${espressione} END AS ${alias}`;

/**
 * The public register (L.R. 15/2015 art. 7 c. 7): active iscrizioni with a consent in force, each field
 * only if consented (the others never leave the database), filters only on consented fields (a filter
 * must not reveal what the list hides). Cached per replica under the list's version, which every change
 * that alters it bumps in its own transaction: a revoked consent is out of the next answer.
 */
@Injectable()
export class RegistroPubblicoService {
  private readonly cache = new Map<string, { versione: string; pagina: PaginaRegistroPubblicoV1 }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_REGISTRO) private readonly contesto: ContestoRegistro,
  ) {}

  async elenca(dto: ElencaRegistroPubblicoV1): Promise<PaginaRegistroPubblicoV1> {
    const filtro = {
      area: dto.area ?? null,
      competenza: dto.competenza ?? null,
      lingua: dto.lingua ?? null,
      slot: this.slot(dto),
      pagina: dto.pagina ?? 1,
      perPagina: dto.perPagina ?? 50,
    };
    const chiave = JSON.stringify(filtro);
    // Read before the list: the list read after it is at least as new as the version it is kept under.
    const versione = await versioneRegistroPubblico(this.dataSource.manager, this.contesto.registro);
    const inCache = this.cache.get(chiave);
    if (inCache?.versione === versione) return inCache.pagina;
    const pagina = await this.leggi(filtro);
    this.cache.delete(chiave);
    this.cache.set(chiave, { versione, pagina });
    if (this.cache.size > VOCI_CACHE_PUBBLICO) this.cache.delete(this.cache.keys().next().value!);
    return pagina;
  }

  private slot(dto: ElencaRegistroPubblicoV1): number[] | null {
    if (dto.giorno === undefined) return null;
    if (dto.dalle === undefined || dto.alle === undefined || dto.alle <= dto.dalle)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        'Disponibilità: indicare giorno, dalle e alle (alle dopo dalle).',
        [{ campo: 'alle', messaggi: ['ora successiva a dalle'] }],
      );
    const slot: number[] = [];
    for (let ora = dto.dalle; ora < dto.alle; ora++) slot.push(slotDellOra(dto.giorno, ora));
    return slot;
  }

  private async leggi(f: {
    area: string | null;
    competenza: string | null;
    lingua: string | null;
    slot: number[] | null;
    pagina: number;
    perPagina: number;
  }): Promise<PaginaRegistroPubblicoV1> {
    const rows = await this.dataSource.manager.query<RigaPubblica[]>(
      `SELECT i.id, i.sportello,
              ${SE('nome', 'a.nome', 'nome')},
              ${SE('competenze', 's.competenze', 'competenze')},
              ${SE('formazione', 's.formazione', 'formazione')},
              ${SE('disponibilita', 's.disponibilita', 'disponibilita')},
              ${SE('lingue', 's.lingue', 'lingue')},
              ${SE('aree', 's.aree', 'aree')},
              ${SE('convivente', 's.convivente', 'convivente')},
              ${SE('esperienzaMesi', 's.esperienza_mesi', 'esperienza_mesi')},
              count(*) OVER () AS totale
         FROM iscrizione i
         JOIN consenso_pubblicazione c ON c.iscrizione_id = i.id AND c.revocato_il IS NULL
         JOIN scheda s ON s.iscrizione_id = i.id
         JOIN assistente a ON a.id = i.assistente_id
        WHERE i.registro = $1 AND i.stato = 'attiva'
          AND ($2::text IS NULL OR ('aree' = ANY (c.campi) AND $2 = ANY (s.aree)))
          AND ($3::text IS NULL OR ('competenze' = ANY (c.campi) AND $3 = ANY (s.competenze)))
          AND ($4::text IS NULL OR ('lingue' = ANY (c.campi) AND $4 = ANY (s.lingue)))
          AND ($5::smallint[] IS NULL OR ('disponibilita' = ANY (c.campi) AND s.disponibilita @> $5::smallint[]))
        ORDER BY i.iscritta_il, i.id
        LIMIT $6 OFFSET $7`,
      [
        this.contesto.registro,
        f.area,
        f.competenza,
        f.lingua,
        f.slot,
        f.perPagina,
        (f.pagina - 1) * f.perPagina,
      ],
    );
    return {
      elementi: rows.map((r): VoceRegistroPubblicoV1 => ({
        id: r.id,
        sportello: r.sportello,
        nome: r.nome,
        competenze: r.competenze,
        formazione: r.formazione,
        disponibilita: r.disponibilita === null ? null : fasceDegliSlot(r.disponibilita),
        lingue: r.lingue,
        aree: r.aree,
        convivente: r.convivente,
        esperienzaMesi: r.esperienza_mesi,
      })),
      totale: Number(rows[0]?.totale ?? 0),
      pagina: f.pagina,
      perPagina: f.perPagina,
    };
  }
}
