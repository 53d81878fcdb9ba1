import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  CategoriaLinea,
  SaldiAnnualitaV1,
  SaldiV1,
  SituazioneFondoRispostaV1,
  SituazioneFondoV1,
  SituazioneLineaRispostaV1,
  SituazioneLineaV1,
  TipoMovimento,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { cents, condizioneAlla, differenza, somma } from '../database/sql';
import { assertFondo } from '../fondi/fondi.service';
import { lineaNonTrovata, toLineaV1 } from '../linee/linee.service';
import { assertGestore } from '../ruoli/budget-ruoli';

interface Somma {
  tipo: TipoMovimento;
  importo: string;
}

/** Totals of ledger movements by type, into the balances. */
function saldi(righe: Somma[]): SaldiAnnualitaV1 {
  const tot = (tipo: TipoMovimento) =>
    somma(...righe.filter((r) => r.tipo === tipo).map((r) => cents(r.importo)));
  const assegnato = tot('assegnazione');
  const dotato = tot('dotazione');
  const impegnato = differenza(tot('impegno'), tot('riduzione'));
  const liquidato = tot('liquidazione');
  return {
    assegnatoCentesimi: assegnato,
    dotatoCentesimi: dotato,
    impegnatoCentesimi: impegnato,
    liquidatoCentesimi: liquidato,
    pagatoCentesimi: tot('pagamento'),
    daDotareCentesimi: differenza(assegnato, dotato),
    disponibileCentesimi: differenza(dotato, impegnato),
  };
}

function soloLinea({
  dotatoCentesimi,
  impegnatoCentesimi,
  liquidatoCentesimi,
  pagatoCentesimi,
  disponibileCentesimi,
}: SaldiV1): SaldiV1 {
  return { dotatoCentesimi, impegnatoCentesimi, liquidatoCentesimi, pagatoCentesimi, disponibileCentesimi };
}

/**
 * Situazione of funds and lines, always summed from the append-only ledger: the same query answers for
 * now and for any past moment (`alla`), so a past situation is reconstructed, not remembered.
 */
@Injectable()
export class SituazioneService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fondo(dto: SituazioneFondoV1): Promise<SituazioneFondoRispostaV1> {
    assertGestore(currentActor());
    const fondo = await assertFondo(this.dataSource.manager, dto.fondo);
    const alla = condizioneAlla('m.il', dto.alla, 3);
    const righe = await this.dataSource.query<
      Array<
        Somma & {
          anno: number;
          codice: string | null;
          denominazione: string | null;
          categoria: CategoriaLinea | null;
        }
      >
    >(
      `SELECT a.anno, m.tipo, l.codice, l.denominazione, l.categoria, sum(m.importo_centesimi) AS importo
         FROM movimento m JOIN annualita a ON a.id = m.annualita_id LEFT JOIN linea l ON l.id = m.linea_id
        WHERE a.fondo = $1 AND ($2::int IS NULL OR a.anno = $2) AND ${alla.sql}
        GROUP BY a.anno, m.tipo, l.codice, l.denominazione, l.categoria
        ORDER BY a.anno, l.codice`,
      [dto.fondo, dto.anno ?? null, ...alla.params],
    );
    const anni = [...new Set(righe.map((r) => r.anno))];
    return {
      fondo: { codice: dto.fondo, denominazione: fondo.denominazione },
      alla: dto.alla ?? null,
      annualita: anni.map((anno) => {
        const dellAnno = righe.filter((r) => r.anno === anno);
        const codici = [...new Set(dellAnno.filter((r) => r.codice).map((r) => r.codice!))];
        return {
          anno,
          ...saldi(dellAnno),
          linee: codici.map((codice) => {
            const della = dellAnno.filter((r) => r.codice === codice);
            return {
              codice,
              denominazione: della[0].denominazione!,
              categoria: della[0].categoria!,
              ...soloLinea(saldi(della)),
            };
          }),
        };
      }),
      totale: saldi(righe),
    };
  }

  async linea(dto: SituazioneLineaV1): Promise<SituazioneLineaRispostaV1> {
    assertGestore(currentActor());
    const [linea] = await this.dataSource.query<Parameters<typeof toLineaV1>[0][]>(
      `SELECT l.*, p.codice AS linea_padre FROM linea l LEFT JOIN linea p ON p.id = l.linea_padre_id
        WHERE l.codice = $1`,
      [dto.linea],
    );
    if (!linea) throw lineaNonTrovata(dto.linea);
    // A line's figures include its articoli's (the line itself and the articoli below it).
    const dellaLinea = `m.linea_id IN (SELECT id FROM linea WHERE id = $1 OR linea_padre_id = $1)`;
    const alla = condizioneAlla('m.il', dto.alla, 2);
    const righe = await this.dataSource.query<Array<Somma & { fondo: string; anno: number }>>(
      `SELECT a.fondo, a.anno, m.tipo, sum(m.importo_centesimi) AS importo
         FROM movimento m JOIN annualita a ON a.id = m.annualita_id
        WHERE ${dellaLinea} AND ${alla.sql}
        GROUP BY a.fondo, a.anno, m.tipo ORDER BY a.anno, a.fondo`,
      [linea.id, ...alla.params],
    );
    const perComune = await this.dataSource.query<Array<Somma & { comune: string | null }>>(
      `SELECT i.comune_residenza AS comune, m.tipo, sum(m.importo_centesimi) AS importo
         FROM movimento m JOIN impegno i ON i.id = m.impegno_id
        WHERE ${dellaLinea} AND ${alla.sql}
        GROUP BY i.comune_residenza, m.tipo ORDER BY i.comune_residenza NULLS LAST`,
      [linea.id, ...alla.params],
    );
    const articoli = await this.dataSource.query<
      Array<{
        codice: string;
        denominazione: string;
        fondo: string;
        tipo: TipoMovimento | null;
        importo: string;
      }>
    >(
      `SELECT l.codice, l.denominazione, l.fondo_vincolo AS fondo, m.tipo, sum(m.importo_centesimi) AS importo
         FROM linea l LEFT JOIN movimento m ON m.linea_id = l.id AND ${alla.sql}
        WHERE l.linea_padre_id = $1
        GROUP BY l.codice, l.denominazione, l.fondo_vincolo, m.tipo ORDER BY l.codice`,
      [linea.id, ...alla.params],
    );
    const chiavi = [...new Set(righe.map((r) => `${r.anno}|${r.fondo}`))];
    const comuni = [...new Set(perComune.map((r) => r.comune))];
    const l = toLineaV1(linea);
    return {
      linea: {
        codice: l.codice,
        denominazione: l.denominazione,
        esercizio: l.esercizio,
        categoria: l.categoria,
        preventivoCentesimi: l.preventivoCentesimi,
        lineaPadre: l.lineaPadre,
        fondo: l.fondo,
      },
      alla: dto.alla ?? null,
      ...soloLinea(saldi(righe)),
      perAnnualita: chiavi.map((k) => {
        const [anno, fondo] = k.split('|');
        const della = righe.filter((r) => r.fondo === fondo && r.anno === Number(anno));
        return { fondo, anno: Number(anno), ...soloLinea(saldi(della)) };
      }),
      perComune: comuni.map((comune) => {
        const s = saldi(perComune.filter((r) => r.comune === comune));
        return {
          comune,
          impegnatoCentesimi: s.impegnatoCentesimi,
          liquidatoCentesimi: s.liquidatoCentesimi,
          pagatoCentesimi: s.pagatoCentesimi,
        };
      }),
      articoli: [...new Set(articoli.map((a) => a.codice))].map((codice) => {
        const dellArticolo = articoli.filter((a) => a.codice === codice);
        const movimenti = dellArticolo.filter((a): a is typeof a & Somma => a.tipo !== null);
        return {
          codice,
          denominazione: dellArticolo[0].denominazione,
          fondo: dellArticolo[0].fondo,
          ...soloLinea(saldi(movimenti)),
        };
      }),
    };
  }
}
