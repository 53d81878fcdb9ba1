import { CONTI_PRO_VI_2025 } from '../regole/conti-2025';
import {
  importoOre,
  quotaAmbito,
  valutaConsuntivo,
  type ContestoConsuntivo,
  type SpesaProVi,
} from './consuntivo';

const parametri = CONTI_PRO_VI_2025.conti.proVi!;
const contesto = (c: Partial<ContestoConsuntivo> = {}): ContestoConsuntivo => ({
  parametri,
  macroareeProgetto: ['assistente-personale', 'abitare-in-autonomia'],
  concessoCentesimi: null,
  giaRimborsatoCentesimi: 0,
  ...c,
});
const spesa = (s: Partial<SpesaProVi>): SpesaProVi => ({
  macroarea: 'assistente-personale',
  tipoSpesa: 'retribuzione-assistente',
  documento: 'cedolino',
  ore: null,
  costoOrarioCentesimi: null,
  importoCentesimi: 120_000,
  ...s,
});

describe('Pro.Vi. a consuntivo (unit)', () => {
  it('reimburses payslips and invoices of hours × hourly cost, with the ambito’s 20 % share', () => {
    const e = valutaConsuntivo(
      [
        spesa({}),
        spesa({
          tipoSpesa: 'ore-ente',
          documento: 'fattura',
          ore: 40.5,
          costoOrarioCentesimi: 2_150,
          importoCentesimi: null,
        }),
      ],
      contesto(),
    );
    expect(importoOre(40.5, 2_150)).toBe(87_075);
    expect(e.spese.map((s) => [s.esito, s.ammessoCentesimi])).toEqual([
      ['ammessa', 120_000],
      ['ammessa', 87_075],
    ]);
    expect(e.rimborsoCentesimi).toBe(207_075);
    expect(e.quotaAmbitoCentesimi).toBe(41_415); // 20 % of 2070,75 = 414,15
    expect(e.quotaFondoCentesimi).toBe(207_075 - 41_415);
    expect(e.spese[1].motivo).toBe('40.5 ore × € 21,50 = € 870,75');
  });

  it('excludes what the rule set excludes in a macroarea and macroaree outside the project', () => {
    const e = valutaConsuntivo(
      [
        spesa({ tipoSpesa: 'tenuta-paghe', documento: 'fattura', importoCentesimi: 15_000 }),
        spesa({
          macroarea: 'trasporto',
          tipoSpesa: 'trasporto',
          documento: 'ricevuta',
          importoCentesimi: 5_000,
        }),
        spesa({
          macroarea: 'abitare-in-autonomia',
          tipoSpesa: 'locazione',
          documento: 'ricevuta',
          importoCentesimi: 50_000,
        }),
      ],
      contesto(),
    );
    expect(e.spese.map((s) => s.esito)).toEqual(['esclusa', 'esclusa', 'ammessa']);
    expect(e.spese[0].motivo).toContain('la tenuta delle paghe non è rimborsabile');
    expect(e.spese[1].motivo).toBe('La macroarea trasporto non è prevista dal progetto');
    expect(e.rimborsoCentesimi).toBe(50_000);
  });

  it('stops at the cap: the least of the rule set’s and the granted amount, minus what was reimbursed', () => {
    const e = valutaConsuntivo(
      [spesa({ importoCentesimi: 900_000 })],
      contesto({
        concessoCentesimi: 1_500_000,
        giaRimborsatoCentesimi: 1_000_000,
      }),
    );
    expect(e.massimaleCentesimi).toBe(1_500_000);
    expect(e.rimborsoCentesimi).toBe(500_000);
    expect(e.motivo).toContain('il massimale di € 15.000,00 lascia € 5.000,00');
    const oltre = valutaConsuntivo([spesa({})], contesto({ giaRimborsatoCentesimi: 2_000_000 }));
    expect(oltre.rimborsoCentesimi).toBe(0);
  });

  it('reduces hours above the hourly cost cap when the rule set has one', () => {
    const e = valutaConsuntivo(
      [spesa({ tipoSpesa: 'ore-ente', ore: 10, costoOrarioCentesimi: 3_000, importoCentesimi: null })],
      contesto({ parametri: { ...parametri, costoOrarioMassimoCentesimi: 2_500 } }),
    );
    expect(e.spese[0]).toMatchObject({
      esito: 'ridotta',
      documentatoCentesimi: 30_000,
      ammessoCentesimi: 25_000,
    });
  });

  it('refuses a document whose amount is not hours × hourly cost, or without an amount', () => {
    expect(() =>
      valutaConsuntivo(
        [spesa({ ore: 10, costoOrarioCentesimi: 2_000, importoCentesimi: 21_000 })],
        contesto(),
      ),
    ).toThrow(expect.objectContaining({ code: 'VALIDAZIONE_FALLITA' }));
    expect(() => valutaConsuntivo([spesa({ importoCentesimi: null })], contesto())).toThrow(
      'Spesa 1: manca l’importo del documento.',
    );
    expect(() => valutaConsuntivo([], contesto())).toThrow(
      expect.objectContaining({ code: 'VALIDAZIONE_FALLITA' }),
    );
  });

  it('rounds the ambito’s share up, so it is never under the percentage', () => {
    expect(quotaAmbito(1, 20)).toBe(1);
    expect(quotaAmbito(100_000, 20)).toBe(20_000);
    expect(quotaAmbito(100_001, 20)).toBe(20_001);
  });
});
