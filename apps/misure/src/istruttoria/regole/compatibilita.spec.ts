import type { DatiIstanzaV1, MisuraDichiarataV1 } from '@ambito/contracts';
import { codici, istanzaAnziano, regola, valuta } from '../../../test/regole-fixture';

const conMisure = (...altreMisure: MisuraDichiarataV1[]): DatiIstanzaV1 => ({
  ...istanzaAnziano(),
  altreMisure,
});

describe('compatibilità (unit)', () => {
  describe('INCOMPATIBILITA', () => {
    it('is satisfied with no incompatible measure active on the day', () => {
      const v = valuta(
        conMisure(
          { misura: 'b1', dal: '2024-01-01', al: '2025-05-31', giorni: null }, // ended before
          { misura: 'adi', dal: '2025-01-01', al: null, giorni: null }, // compatible
        ),
        'buono-caregiver',
      );
      expect(regola(v, 'INCOMPATIBILITA')).toEqual({
        codice: 'INCOMPATIBILITA',
        esito: 'soddisfatta',
        motivo: 'Nessuna misura incompatibile attiva al 15/06/2025',
      });
    });

    it('refuses an active incompatible measure with the rule’s motivo', () => {
      const v = valuta(
        conMisure({ misura: 'b1', dal: '2025-03-01', al: null, giorni: null }),
        'buono-caregiver',
      );
      expect(regola(v, 'INCOMPATIBILITA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Misura incompatibile: b1 attiva dal 01/03/2025: incompatibile con la Misura B1 (DGR XII/3719/2024)',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('names every incompatible measure', () => {
      const v = valuta(
        conMisure(
          { misura: 'b1', dal: '2025-03-01', al: null, giorni: null },
          { misura: 'rsa-aperta', dal: '2025-01-01', al: '2025-12-31', giorni: null },
        ),
        'buono-caregiver',
      );
      expect(regola(v, 'INCOMPATIBILITA').motivo).toBe(
        'Misura incompatibile: b1 attiva dal 01/03/2025: incompatibile con la Misura B1 (DGR XII/3719/2024); rsa-aperta attiva dal 01/01/2025: incompatibile con la presa in carico in RSA aperta (DGR XII/3719/2024)',
      );
    });
  });

  describe('RICOVERO_SOLLIEVO', () => {
    it('admits an adult within 60 days in the year', () => {
      const v = valuta(
        conMisure(
          { misura: 'ricovero-sollievo', dal: '2025-02-01', al: '2025-03-02', giorni: 30 },
          { misura: 'ricovero-sollievo', dal: '2025-05-01', al: '2025-05-30', giorni: 30 },
          { misura: 'ricovero-sollievo', dal: '2024-05-01', al: '2024-06-30', giorni: 60 }, // another year
        ),
        'buono-caregiver',
      );
      expect(regola(v, 'RICOVERO_SOLLIEVO')).toEqual({
        codice: 'RICOVERO_SOLLIEVO',
        esito: 'soddisfatta',
        motivo: 'Ricoveri di sollievo nel 2025: 60 giorni, entro i 60 ammessi per gli adulti',
      });
    });

    it('refuses an adult beyond 60 days', () => {
      const v = valuta(
        conMisure({ misura: 'ricovero-sollievo', dal: '2025-02-01', al: '2025-04-02', giorni: 61 }),
        'buono-caregiver',
      );
      expect(regola(v, 'RICOVERO_SOLLIEVO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Ricoveri di sollievo nel 2025: 61 giorni, oltre i 60 ammessi per gli adulti',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('allows a minor 90 days', () => {
      const minore = {
        ...conMisure({ misura: 'ricovero-sollievo', dal: '2025-01-01', al: null, giorni: 90 }),
        dataNascita: '2015-01-01',
      };
      minore.isee = [{ ...minore.isee[0], tipo: 'ordinario' }];
      expect(regola(valuta(minore, 'voucher-minori'), 'RICOVERO_SOLLIEVO').motivo).toBe(
        'Ricoveri di sollievo nel 2025: 90 giorni, entro i 90 ammessi per i minori',
      );
    });

    it('is not evaluated without ricoveri di sollievo', () => {
      expect(codici(valuta(istanzaAnziano(), 'buono-caregiver'))).not.toContain('RICOVERO_SOLLIEVO');
    });
  });

  describe('CUMULO_ASSISTENTE', () => {
    const conContratto = (
      costoMensileCentesimi: number,
      altriContributiMensiliCentesimi: number,
    ): DatiIstanzaV1 => ({
      ...istanzaAnziano(),
      contrattoAssistente: {
        oreSettimanali: 40,
        dataInizio: '2024-01-01',
        costoMensileCentesimi,
        altriContributiMensiliCentesimi,
      },
    });

    it('is satisfied when amount and other contributions stay within the cost', () => {
      const v = valuta(conContratto(150_000, 20_000), 'buono-assistente-familiare');
      expect(regola(v, 'CUMULO_ASSISTENTE')).toEqual({
        codice: 'CUMULO_ASSISTENTE',
        esito: 'soddisfatta',
        motivo: '€ 800,00 + altri contributi € 200,00 entro il costo mensile dell’assistente di € 1.500,00',
      });
      expect(v.importoMensileCentesimi).toBe(80_000);
    });

    it('reduces the amount to fit the cost, and says so', () => {
      const v = valuta(conContratto(100_000, 50_000), 'buono-assistente-familiare');
      expect(regola(v, 'CUMULO_ASSISTENTE')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          '€ 800,00 + altri contributi € 500,00 oltre il costo mensile dell’assistente di € 1.000,00: importo ridotto a € 500,00',
      });
      expect(v.importoMensileCentesimi).toBe(50_000);
      expect(v.importoTotaleCentesimi).toBe(600_000);
      expect(v.esito).toBe('ammissibile');
    });

    it('refuses when the other contributions already cover the cost', () => {
      const v = valuta(conContratto(100_000, 100_000), 'buono-assistente-familiare');
      expect(regola(v, 'CUMULO_ASSISTENTE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Gli altri contributi per lo stesso assistente (€ 1.000,00) coprono già il costo mensile di € 1.000,00',
      });
      expect(v.esito).toBe('non-ammissibile');
      expect(v.importoMensileCentesimi).toBeNull();
    });

    it('does not apply to the caregiver’s buono', () => {
      expect(codici(valuta(conContratto(100_000, 100_000), 'buono-caregiver'))).not.toContain(
        'CUMULO_ASSISTENTE',
      );
    });
  });
});
