import type { DatiIstanzaV1, EsitoIstruttoria, RegoleMisuraV1 } from '@ambito/contracts';
import { istanzaAdulto, istanzaAnziano } from '../../test/regole-fixture';
import { valutaIstanza } from '../istruttoria/valuta-istanza';
import { REGOLE_B2_2025, REGOLE_DOPO_DI_NOI_2025, REGOLE_PRO_VI_2025 } from './predefinite-2025';

/*
 * Cases decided by hand from regole-lombardia.md, run through the engine with the default 2025 rule
 * sets (reference day 15/06/2025, an avviso of 12 months): what the Ufficio di Piano would expect.
 */

type Caso = [string, RegoleMisuraV1, string, (d: DatiIstanzaV1) => void, EsitoIstruttoria, number | null];

const isee = (
  d: DatiIstanzaV1,
  valoreCentesimi: number,
  tipo: DatiIstanzaV1['isee'][0]['tipo'] = 'sociosanitario',
) => {
  d.isee = [{ ...istanzaAnziano().isee[0], tipo, valoreCentesimi }];
};
const ddn = (d: DatiIstanzaV1, costo: number | null = 1_000_000, persone: number | null = null) => {
  d.dopoDiNoi = {
    priorita: [],
    urgenzaAutonomia: 5,
    urgenzaSostegniFamiliari: 5,
    urgenzaAbitativa: 5,
    urgenzaEconomica: 5,
    costoInterventoCentesimi: costo,
    personeGruppoAppartamento: persone,
  };
  d.isee = [];
};
const progetto = (
  d: DatiIstanzaV1,
  macroaree: NonNullable<DatiIstanzaV1['proVi']>['macroaree'] = ['assistente-personale', 'trasporto'],
) => {
  d.proVi = {
    macroaree,
    senzaCaregiver: true,
    assistentePersonale: 'diretto',
    costoProgettoCentesimi: 1_500_000,
  };
};

const CASI: Caso[] = [
  [
    'B2 anziano, accompagnamento, ISEE € 18.500, coniuge caregiver',
    REGOLE_B2_2025,
    'buono-caregiver',
    () => undefined,
    'ammissibile',
    10_000,
  ],
  [
    'B2 anziano, ISEE sociosanitario € 25.000,00 (soglia inclusa)',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => isee(d, 2_500_000),
    'ammissibile',
    10_000,
  ],
  [
    'B2 anziano, ISEE sociosanitario € 25.000,01',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => isee(d, 2_500_001),
    'non-ammissibile',
    null,
  ],
  [
    'B2 anziano con solo ISEE ordinario',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => isee(d, 1_000_000, 'ordinario'),
    'non-ammissibile',
    null,
  ],
  [
    'B2 minore, ISEE ordinario € 39.000, voucher',
    REGOLE_B2_2025,
    'voucher-minori',
    (d) => {
      d.dataNascita = '2012-04-01';
      isee(d, 3_900_000, 'ordinario');
    },
    'ammissibile',
    20_000,
  ],
  [
    'B2 con DSU del 2024 (scaduta il 31/12/2024)',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => {
      d.isee[0].dataPresentazione = '2024-11-20';
    },
    'non-ammissibile',
    null,
  ],
  [
    'B2 con difformità nell’attestazione',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => (d.isee[0].difformita = true),
    'da-verificare',
    10_000,
  ],
  [
    'B2 con B1 attiva',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => d.altreMisure.push({ misura: 'b1', dal: '2025-01-01', al: null, giorni: null }),
    'non-ammissibile',
    null,
  ],
  [
    'B2 con Bonus assistenti familiari, ADI e SAD (compatibili)',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) =>
      d.altreMisure.push(
        { misura: 'bonus-assistenti-familiari', dal: '2025-01-01', al: null, giorni: null },
        { misura: 'adi', dal: '2025-01-01', al: null, giorni: null },
        { misura: 'sad', dal: '2025-01-01', al: null, giorni: null },
      ),
    'ammissibile',
    10_000,
  ],
  [
    'B2 anziano (adulto), 61 giorni di sollievo',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) =>
      d.altreMisure.push({ misura: 'ricovero-sollievo', dal: '2025-02-01', al: '2025-04-02', giorni: 61 }),
    'non-ammissibile',
    null,
  ],
  [
    'B2 caregiver parente di 3° grado',
    REGOLE_B2_2025,
    'buono-caregiver',
    (d) => (d.caregiver = { parentela: 'parente-3-grado', convivente: true }),
    'non-ammissibile',
    null,
  ],
  [
    'B2 assistente 40 ore, costo € 1.000, altri contributi € 400: buono ridotto a € 600',
    REGOLE_B2_2025,
    'buono-assistente-familiare',
    (d) =>
      (d.contrattoAssistente = {
        oreSettimanali: 40,
        dataInizio: '2024-01-01',
        costoMensileCentesimi: 100_000,
        altriContributiMensiliCentesimi: 40_000,
      }),
    'ammissibile',
    60_000,
  ],
  ['B2 strumento sconosciuto', REGOLE_B2_2025, 'buono-badante', () => undefined, 'non-ammissibile', null],
  [
    'DdN adeguamento: 70 % di € 10.000',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-a',
    (d) => ddn(d),
    'ammissibile',
    700_000,
  ],
  [
    'DdN 66 anni',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-a',
    (d) => {
      ddn(d);
      d.dataNascita = '1959-01-01';
    },
    'non-ammissibile',
    null,
  ],
  [
    'DdN disabilità da senilità',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-a',
    (d) => {
      ddn(d);
      d.disabilitaDaSenilita = true;
    },
    'non-ammissibile',
    null,
  ],
  [
    'DdN senza budget di progetto',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-a',
    (d) => {
      ddn(d);
      d.presaInCarico.budgetDiProgetto = false;
    },
    'non-ammissibile',
    null,
  ],
  [
    'DdN gruppo appartamento di 6',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-e',
    (d) => ddn(d, null, 6),
    'non-ammissibile',
    null,
  ],
  [
    'DdN gruppo appartamento di 5',
    REGOLE_DOPO_DI_NOI_2025,
    'ddn-e',
    (d) => ddn(d, null, 5),
    'ammissibile',
    60_000,
  ],
  [
    'Pro.Vi. due macroaree, ISEE € 18.500',
    REGOLE_PRO_VI_2025,
    'pro-vi',
    (d) => progetto(d),
    'ammissibile',
    1_500_000,
  ],
  [
    'Pro.Vi. ISEE € 37.000: metà',
    REGOLE_PRO_VI_2025,
    'pro-vi',
    (d) => {
      progetto(d);
      isee(d, 3_700_000);
    },
    'ammissibile',
    750_000,
  ],
  [
    'Pro.Vi. ISEE € 40.000,01',
    REGOLE_PRO_VI_2025,
    'pro-vi',
    (d) => {
      progetto(d);
      isee(d, 4_000_001);
    },
    'non-ammissibile',
    null,
  ],
  [
    'Pro.Vi. una sola macroarea',
    REGOLE_PRO_VI_2025,
    'pro-vi',
    (d) => progetto(d, ['assistente-personale']),
    'non-ammissibile',
    null,
  ],
  [
    'Pro.Vi. con la B2 attiva',
    REGOLE_PRO_VI_2025,
    'pro-vi',
    (d) => {
      progetto(d);
      d.altreMisure.push({ misura: 'b2', dal: '2025-01-01', al: null, giorni: null });
    },
    'non-ammissibile',
    null,
  ],
];

describe('cases decided by hand, with the default 2025 rule sets (unit)', () => {
  it.each(CASI)('%s', (_caso, regole, strumento, prepara, esito, importo) => {
    const dati = regole.misura === 'b2' ? istanzaAnziano() : istanzaAdulto();
    if (regole.misura === 'b2' && strumento !== 'buono-caregiver') dati.caregiver = null;
    if (regole.misura !== 'b2') dati.isee = istanzaAnziano().isee;
    prepara(dati);
    const v = valutaIstanza(
      { dati, strumento, dataRiferimento: '2025-06-15', mesi: 12 },
      { id: regole.misura, parametri: regole.parametri },
    );
    expect({ esito: v.esito, importo: v.importoMensileCentesimi ?? v.importoTotaleCentesimi }).toEqual({
      esito,
      importo,
    });
  });
});
