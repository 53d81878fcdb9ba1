import { randomUUID } from 'node:crypto';
import { MISURE_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { creaAvviso, creaIstanza, type AvvisoDiTest } from '../../test/graduatorie-fixture';
// The real budget service, in-process: a Pro.Vi. rendiconto is charged there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestBudget, type TestBudget } from '../../../budget/test/budget-harness';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { DETERMINA_PRO_VI, lineaProVi } from '../../test/provi-budget-fixture';

const { leggiRendiconto, leggiRendicontazioneFna, registraProgettoProVi, registraRendicontoProVi } =
  MISURE_RPC;

/**
 * Issue 10, point 8: the reports of a year over the benefici and their monthly erogazioni (written by SQL
 * as the monthly run leaves them), with the Piano di Zona's indicators, the SVG chart and the FNA rows.
 */
describe('reports (NATS → misure → PostgreSQL)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  let avviso: AvvisoDiTest;
  const udp = () => svc.as(ATTORI.udp);

  async function beneficio(
    istanzaId: string,
    personaId: string,
    b: { area: string; strumento: string; graduatoria: string; stato?: string; terminaDal?: string },
  ): Promise<string> {
    const id = randomUUID();
    await svc.sql(
      `INSERT INTO beneficio (id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area, strumento,
         importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea, fondo, anno_fondo, impegno_id, regole_id,
         causa_concessione, evento_id, stato, termina_dal, causa_fine)
       VALUES ($1, 'CREMA', $2, $3, $4, $5, 'b2', $6, $7, 40000, 480000, '2025-04-01', '2026-03-31', 'B2', 'FNA-B2',
               2024, $8, $9, 'approvazione', $10, $11, $12, $13)`,
      [
        id,
        istanzaId,
        personaId,
        avviso.avvisoId,
        b.graduatoria,
        b.area,
        b.strumento,
        randomUUID(),
        avviso.regoleId,
        randomUUID(),
        b.stato ?? 'attivo',
        b.terminaDal ?? null,
        b.terminaDal ? 'decesso' : null,
      ],
    );
    return id;
  }

  async function mese(
    beneficioId: string,
    run: string,
    m: string,
    dovuto: number,
    stato: string,
  ): Promise<void> {
    await svc.sql(
      `INSERT INTO erogazione_mensile (id, beneficio_id, ambito, mese, run_id, esito, importo_mensile_centesimi,
         importo_dovuto_centesimi, giorni_mese, giorni_dovuti, regole_id, valutazione, input, stato)
       VALUES ($1, $2, 'CREMA', $3, $4, $5, 40000, $6, 30, 30, $7, '[]', '{}', $8)`,
      [
        randomUUID(),
        beneficioId,
        m,
        run,
        dovuto === 0 ? 'non-dovuto' : dovuto < 40_000 ? 'ridotto' : 'dovuto',
        dovuto,
        avviso.regoleId,
        stato,
      ],
    );
  }

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita });
    avviso = await creaAvviso(svc, [
      { area: 'anziani', linea: 'B2', fondo: 'FNA-B2', annoFondo: 2024, budgetCentesimi: 10_000_000 },
      {
        area: 'disabili-adulti',
        strumento: 'buono-assistente-familiare',
        linea: 'B2',
        fondo: 'FNA-B2',
        annoFondo: 2024,
        budgetCentesimi: 10_000_000,
      },
    ]);
    const [i1, i2, i3] = [
      await creaIstanza(svc, avviso, { protocollo: 1, esito: 'ammissibile' }),
      await creaIstanza(svc, avviso, { protocollo: 2, esito: 'ammissibile' }),
      await creaIstanza(svc, avviso, { protocollo: 3, esito: 'ammissibile', area: 'disabili-adulti' }),
    ];
    await svc.sql(`UPDATE istanza SET comune_residenza = '019067' WHERE id = $1`, [i3.id]);
    const b1 = await beneficio(i1.id, i1.personaId, {
      area: 'anziani',
      strumento: 'buono-caregiver',
      graduatoria: avviso.graduatorie.anziani,
    });
    const b2 = await beneficio(i2.id, i2.personaId, {
      area: 'anziani',
      strumento: 'buono-caregiver',
      graduatoria: avviso.graduatorie.anziani,
      stato: 'cessato',
      terminaDal: '2025-05-16',
    });
    const b3 = await beneficio(i3.id, i3.personaId, {
      area: 'disabili-adulti',
      strumento: 'buono-assistente-familiare',
      graduatoria: avviso.graduatorie['disabili-adulti'],
    });
    const [aprile, maggio] = [randomUUID(), randomUUID()];
    for (const [id, m] of [
      [aprile, '2025-04-01'],
      [maggio, '2025-05-01'],
    ])
      await svc.sql(
        `INSERT INTO erogazione_run (id, ambito, mese, stato, avviata_da) VALUES ($1, 'CREMA', $2, 'completata', 'udp')`,
        [id, m],
      );
    await mese(b1, aprile, '2025-04-01', 40_000, 'liquidata');
    await mese(b1, maggio, '2025-05-01', 40_000, 'da-liquidare');
    await mese(b2, aprile, '2025-04-01', 40_000, 'liquidata');
    await mese(b2, maggio, '2025-05-01', 20_000, 'da-liquidare');
    await mese(b3, aprile, '2025-04-01', 40_000, 'liquidata');
    await mese(b3, maggio, '2025-05-01', 0, 'nulla');
    await svc.sql(
      `INSERT INTO sospensione_beneficio (id, beneficio_id, causa, dal, al, fonte, registrata_da)
       VALUES ($1, $2, 'sollievo-oltre-limite', '2025-05-01', '2025-05-31', 'ricovero:1', 'servizio:misure')`,
      [randomUUID(), b3],
    );
    // A Pro.Vi. statement of the year: € 1.000 reimbursed, € 200 of the ambito.
    const p = await udp()(registraProgettoProVi, {
      personaId: randomUUID(),
      istanzaId: null,
      annualita: 2025,
      giorno: '2025-04-01',
      macroaree: ['assistente-personale', 'trasporto'],
      concessoCentesimi: null,
    });
    await udp()(registraRendicontoProVi, {
      linea: await lineaProVi(budget),
      determina: DETERMINA_PRO_VI,
      progettoId: p.id,
      periodoDal: '2025-04-01',
      periodoAl: '2025-04-30',
      spese: [
        {
          macroarea: 'assistente-personale',
          tipoSpesa: 'retribuzione-assistente',
          documento: 'cedolino',
          riferimento: 'CED-1',
          data: '2025-04-30',
          ore: null,
          costoOrarioCentesimi: null,
          importoCentesimi: 100_000,
        },
      ],
    });
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  it('per strumento: beneficiaries, months, amounts, suspensions and ends, with the total', async () => {
    const r = await udp()(leggiRendiconto, { anno: 2025, per: 'strumento' });
    expect(r.righe).toEqual([
      {
        chiave: 'buono-assistente-familiare',
        beneficiari: 1,
        benefici: 1,
        mesi: 1,
        importoCentesimi: 40_000,
        liquidatoCentesimi: 40_000,
        sospensioni: 1,
        cessati: 0,
      },
      {
        chiave: 'buono-caregiver',
        beneficiari: 2,
        benefici: 2,
        mesi: 4,
        importoCentesimi: 140_000,
        liquidatoCentesimi: 80_000,
        sospensioni: 0,
        cessati: 1,
      },
    ]);
    expect(r.totale).toMatchObject({ chiave: 'totale', beneficiari: 3, mesi: 5, importoCentesimi: 180_000 });
    expect(r.indicatori).toEqual({
      utenzaRaggiunta: 3,
      risorseInvestiteCentesimi: 180_000,
      importoMedioPerPersonaCentesimi: 60_000,
      mesiMediPerBeneficio: 1.67,
      percentualeSospesi: 33.33,
      percentualeLiquidato: 66.67,
      proViRimborsatoCentesimi: 100_000,
      proViCofinanziamentoAmbitoCentesimi: 20_000,
      dopoDiNoiContributiCentesimi: 0,
    });
    expect(r.graficoSvg).toContain('<title id="titolo">Importi 2025 per strumento</title>');
    expect(r.graficoSvg).toContain('buono-caregiver: € 1.400,00, 2 beneficiari');
  });

  it('per comune and per area, and nothing for another year', async () => {
    const comuni = await udp()(leggiRendiconto, { anno: 2025, per: 'comune' });
    expect(comuni.righe.map((r) => [r.chiave, r.beneficiari, r.importoCentesimi])).toEqual([
      ['019035', 2, 140_000],
      ['019067', 1, 40_000],
    ]);
    const aree = await udp()(leggiRendiconto, { anno: 2025, per: 'area', misura: 'b2' });
    expect(aree.righe.map((r) => r.chiave)).toEqual(['anziani', 'disabili-adulti']);
    const vuoto = await udp()(leggiRendiconto, { anno: 2024, per: 'misura' });
    expect(vuoto.righe).toEqual([]);
    expect(vuoto.indicatori.utenzaRaggiunta).toBe(0);
    expect(vuoto.graficoSvg).toContain('Nessun dato');
  });

  it('the FNA rendicontazione per strumento, with the Pro.Vi. and the ambito’s co-financing', async () => {
    const fna = await udp()(leggiRendicontazioneFna, { anno: 2025 });
    expect(
      fna.righe.map((r) => [
        r.misura,
        r.strumento,
        r.area,
        r.beneficiari,
        r.mesi,
        r.importoCentesimi,
        r.cofinanziamentoAmbitoCentesimi,
      ]),
    ).toEqual([
      ['b2', 'buono-assistente-familiare', 'disabili-adulti', 1, 1, 40_000, 0],
      ['b2', 'buono-caregiver', 'anziani', 2, 4, 140_000, 0],
      ['pro-vi', 'pro-vi', 'disabili-adulti', 1, 0, 100_000, 20_000],
    ]);
  });

  it('reports are for the Ufficio di Piano and the administrator', async () => {
    expect(await rifiuto(svc.as(ATTORI.operatore)(leggiRendiconto, { anno: 2025, per: 'misura' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    await expect(svc.as(ATTORI.admin)(leggiRendicontazioneFna, { anno: 2025 })).resolves.toBeDefined();
  });
});
