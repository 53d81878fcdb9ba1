import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  IndicatoriPianoDiZonaV1,
  LeggiRendicontazioneFnaV1,
  LeggiRendicontoMisureV1,
  RendicontazioneFnaV1,
  RendicontoMisureV1,
  RigaRendicontoV1,
  Area,
} from '@ambito/contracts';
import { euro } from '../istruttoria/regole/formato';
import { RegoleRepository } from '../regole/regole.repository';
import { graficoSvg } from './grafico';
import {
  dopoDiNoiDellAnno,
  proViDellAnno,
  righeFna,
  righeRendiconto,
  type RigaRendicontoRow,
} from './rendiconti.sql';

const NOMI_DIMENSIONE = { misura: 'misura', area: 'area', strumento: 'strumento', comune: 'comune' } as const;

/** A ratio as a percentage with two decimals; null when the base is zero. */
const percento = (parte: number, base: number): number | null =>
  base > 0 ? Math.round((parte * 10_000) / base) / 100 : null;

function riga(r: RigaRendicontoRow): RigaRendicontoV1 {
  return {
    chiave: r.chiave ?? 'totale',
    beneficiari: Number(r.beneficiari),
    benefici: Number(r.benefici),
    mesi: Number(r.mesi),
    importoCentesimi: Number(r.importo),
    liquidatoCentesimi: Number(r.liquidato),
    sospensioni: Number(r.sospensioni),
    cessati: Number(r.cessati),
  };
}

const VUOTA: RigaRendicontoRow = {
  chiave: null,
  totale: true,
  beneficiari: '0',
  benefici: '0',
  mesi: '0',
  importo: '0',
  liquidato: '0',
  sospensioni: '0',
  sospesi: '0',
  cessati: '0',
};

/**
 * The reports of the measures (issue 10, point 8): per measure, area, strumento or comune, the
 * beneficiaries, months, amounts and suspensions of a year from the monthly erogazioni; the Piano di
 * Zona's output indicators (seed 004, chapter 6: utenza raggiunta, risorse economiche investite); an
 * accessible SVG chart; the Region's FNA rendicontazione per strumento. Aggregates only.
 */
@Injectable()
export class RendicontiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
  ) {}

  async rendiconto(dto: LeggiRendicontoMisureV1): Promise<RendicontoMisureV1> {
    const m = this.dataSource.manager;
    const ambito = this.regole.ambito;
    const misura = dto.misura ?? null;
    const tutte = await righeRendiconto(m, ambito, dto.anno, dto.per, misura);
    const totaleRow = tutte.find((r) => r.totale) ?? VUOTA;
    const righe = tutte.filter((r) => !r.totale).map(riga);
    const totale = riga(totaleRow);
    const proVi = await proViDellAnno(m, ambito, dto.anno);
    const indicatori: IndicatoriPianoDiZonaV1 = {
      utenzaRaggiunta: totale.beneficiari,
      risorseInvestiteCentesimi: totale.importoCentesimi,
      importoMedioPerPersonaCentesimi:
        totale.beneficiari > 0 ? Math.floor(totale.importoCentesimi / totale.beneficiari) : 0,
      mesiMediPerBeneficio:
        totale.benefici > 0 ? Math.round((totale.mesi * 100) / totale.benefici) / 100 : null,
      percentualeSospesi: percento(Number(totaleRow.sospesi), totale.benefici),
      percentualeLiquidato: percento(totale.liquidatoCentesimi, totale.importoCentesimi),
      proViRimborsatoCentesimi: Number(proVi.rimborso),
      proViCofinanziamentoAmbitoCentesimi: Number(proVi.quota_ambito),
      dopoDiNoiContributiCentesimi: await dopoDiNoiDellAnno(m, ambito, dto.anno),
    };
    const nome = NOMI_DIMENSIONE[dto.per];
    const titolo = `Importi ${dto.anno} per ${nome}${misura ? ` (${misura})` : ''}`;
    const descrizione = righe.length
      ? `${righe.map((r) => `${r.chiave}: ${euro(r.importoCentesimi)}, ${r.beneficiari} beneficiari`).join('; ')}. Totale ${euro(totale.importoCentesimi)}.`
      : 'Nessun beneficio nell’anno.';
    return {
      anno: dto.anno,
      per: dto.per,
      misura,
      righe,
      totale,
      indicatori,
      graficoSvg: graficoSvg({
        titolo,
        descrizione,
        unita: 'centesimi',
        voci: righe.map((r) => ({ etichetta: r.chiave, valore: r.importoCentesimi })),
      }),
    };
  }

  async fna(dto: LeggiRendicontazioneFnaV1): Promise<RendicontazioneFnaV1> {
    const m = this.dataSource.manager;
    const ambito = this.regole.ambito;
    const b2 = await righeFna(m, ambito, dto.anno);
    const proVi = await proViDellAnno(m, ambito, dto.anno);
    const righe = b2.map((r) => ({
      misura: r.misura,
      strumento: r.strumento,
      area: r.area as Area | null,
      fondo: r.fondo,
      annoFondo: r.anno_fondo,
      beneficiari: Number(r.beneficiari),
      mesi: Number(r.mesi),
      importoCentesimi: Number(r.importo),
      liquidatoCentesimi: Number(r.liquidato),
      cofinanziamentoAmbitoCentesimi: 0,
    }));
    if (Number(proVi.rimborso) > 0)
      righe.push({
        misura: 'pro-vi',
        strumento: 'pro-vi',
        area: 'disabili-adulti',
        fondo: 'FNA-PRO.VI',
        annoFondo: null,
        beneficiari: Number(proVi.beneficiari),
        mesi: 0,
        importoCentesimi: Number(proVi.rimborso),
        liquidatoCentesimi: 0,
        cofinanziamentoAmbitoCentesimi: Number(proVi.quota_ambito),
      });
    return { anno: dto.anno, ambito, righe };
  }
}
