import type { DatiIstanzaV1 } from '@ambito/contracts';
import {
  istanzaAdulto,
  istanzaAnziano,
  regoleDopoDiNoi,
  regoleProVi,
  regola,
  valuta,
} from '../../../test/regole-fixture';

const conOre = (oreSettimanali: number): DatiIstanzaV1 => ({
  ...istanzaAnziano(),
  contrattoAssistente: {
    oreSettimanali,
    dataInizio: '2024-01-01',
    costoMensileCentesimi: 200_000,
    altriContributiMensiliCentesimi: 0,
  },
});

const ddn = (costoInterventoCentesimi: number | null): DatiIstanzaV1 => ({
  ...istanzaAdulto(),
  dopoDiNoi: {
    priorita: [],
    urgenzaAutonomia: 1,
    urgenzaSostegniFamiliari: 1,
    urgenzaAbitativa: 1,
    urgenzaEconomica: 1,
    costoInterventoCentesimi,
    personeGruppoAppartamento: null,
  },
});

describe('importo (unit)', () => {
  describe('IMPORTO_MENSILE', () => {
    it('gives the monthly amount for the avviso’s months', () => {
      const v = valuta(istanzaAnziano(), 'buono-caregiver', undefined, { mesi: 10 });
      expect(regola(v, 'IMPORTO_MENSILE')).toEqual({
        codice: 'IMPORTO_MENSILE',
        esito: 'soddisfatta',
        motivo: 'Importo mensile € 100,00 per 10 mesi: € 1.000,00',
      });
      expect(v).toMatchObject({
        esito: 'ammissibile',
        importoMensileCentesimi: 10_000,
        importoTotaleCentesimi: 100_000,
      });
    });

    it.each([
      [10, 40_000, 'fascia da 10 ore'],
      [24, 40_000, 'fascia da 10 ore'],
      [25, 60_000, 'fascia da 25 ore'],
      [54, 80_000, 'fascia da 40 ore'],
    ])('grades the assistant’s buono on %i contract hours', (ore, importo, fascia) => {
      const v = valuta(conOre(ore), 'buono-assistente-familiare');
      expect(v.importoMensileCentesimi).toBe(importo);
      expect(regola(v, 'IMPORTO_MENSILE').motivo).toContain(`(${ore} ore settimanali: ${fascia})`);
    });

    it('refuses hours below the smallest band', () => {
      const v = valuta(conOre(8), 'buono-assistente-familiare');
      expect(regola(v, 'IMPORTO_MENSILE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: '8 ore settimanali di contratto, sotto la fascia minima di 10 ore',
      });
      expect(v.esito).toBe('non-ammissibile');
    });
  });

  describe('IMPORTO_TOTALE and PERCENTUALE_COSTO (Dopo di Noi)', () => {
    it('grants 70 % of the cost when it is below the cap', () => {
      const v = valuta(ddn(1_000_000), 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'PERCENTUALE_COSTO')).toEqual({
        codice: 'PERCENTUALE_COSTO',
        esito: 'soddisfatta',
        motivo: 'Al massimo il 70 % del costo di € 10.000,00: € 7.000,00',
      });
      expect(regola(v, 'IMPORTO_TOTALE')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'Contributo di € 7.000,00: il minore fra il massimale di € 20.000,00, il 70 % del costo (€ 7.000,00) e il costo di € 10.000,00',
      });
      expect(v).toMatchObject({
        esito: 'ammissibile',
        importoMensileCentesimi: null,
        importoTotaleCentesimi: 700_000,
      });
    });

    it('grants the cap when 70 % of the cost exceeds it', () => {
      expect(valuta(ddn(5_000_000), 'ddn-a', regoleDopoDiNoi()).importoTotaleCentesimi).toBe(2_000_000);
    });

    it('refuses without the cost of the intervention', () => {
      const v = valuta(ddn(null), 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'IMPORTO_TOTALE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Manca il costo dell’intervento o del progetto',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('refuses a zero cost: nothing to grant', () => {
      expect(regola(valuta(ddn(0), 'ddn-a', regoleDopoDiNoi()), 'IMPORTO_TOTALE').esito).toBe(
        'non-soddisfatta',
      );
    });
  });

  it('Pro.Vi.: the project cost within the cap per beneficiary', () => {
    const dati: DatiIstanzaV1 = {
      ...istanzaAdulto(),
      proVi: {
        macroaree: ['assistente-personale', 'domotica'],
        senzaCaregiver: true,
        assistentePersonale: 'diretto',
        costoProgettoCentesimi: 2_500_000,
      },
    };
    const v = valuta(dati, 'pro-vi', regoleProVi());
    expect(regola(v, 'IMPORTO_TOTALE').motivo).toBe(
      'Contributo di € 20.000,00: il minore fra il massimale di € 20.000,00 e il costo di € 25.000,00',
    );
    expect(v.importoTotaleCentesimi).toBe(2_000_000);
  });
});

describe('PERCENTUALE_COSTO on a monthly strumento (unit)', () => {
  it('grants at most the percentage of the monthly cost (Dopo di Noi B1, the rent)', () => {
    const v = valuta(ddn(25_000), 'ddn-b1', regoleDopoDiNoi(), { mesi: 12 });
    expect(regola(v, 'PERCENTUALE_COSTO')).toEqual({
      codice: 'PERCENTUALE_COSTO',
      esito: 'soddisfatta',
      motivo: 'Al massimo l’80 % del costo mensile di € 250,00: € 200,00',
    });
    expect(v).toMatchObject({ importoMensileCentesimi: 20_000, importoTotaleCentesimi: 240_000 });
  });

  it('grants the cap when the percentage exceeds it', () => {
    expect(valuta(ddn(100_000), 'ddn-b1', regoleDopoDiNoi()).importoMensileCentesimi).toBe(30_000);
  });

  it('refuses without the monthly cost', () => {
    expect(regola(valuta(ddn(null), 'ddn-b1', regoleDopoDiNoi()), 'IMPORTO_MENSILE')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo: 'Manca il costo mensile dell’intervento',
    });
  });
});
