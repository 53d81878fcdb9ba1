import {
  istanzaAdulto,
  istanzaAnziano,
  regoleB2,
  regoleDopoDiNoi,
  regola,
  codici,
  valuta,
} from '../../../test/regole-fixture';

describe('requisiti della persona (unit)', () => {
  describe('RESIDENZA_AMBITO', () => {
    it('is satisfied by a resident of the ambito', () => {
      expect(regola(valuta(istanzaAnziano(), 'buono-caregiver'), 'RESIDENZA_AMBITO')).toEqual({
        codice: 'RESIDENZA_AMBITO',
        esito: 'soddisfatta',
        motivo: 'Residente in un comune dell’ambito',
      });
    });

    it('refuses a person resident elsewhere', () => {
      const v = valuta({ ...istanzaAnziano(), residenteNellAmbito: false }, 'buono-caregiver');
      expect(regola(v, 'RESIDENZA_AMBITO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Non residente in un comune dell’ambito',
      });
      expect(v.esito).toBe('non-ammissibile');
      expect(v.importoMensileCentesimi).toBeNull();
    });

    it('is not evaluated when the rule set does not ask it', () => {
      const p = regoleB2();
      p.requisiti.residenzaAmbito = false;
      expect(
        codici(valuta({ ...istanzaAnziano(), residenteNellAmbito: false }, 'buono-caregiver', p)),
      ).not.toContain('RESIDENZA_AMBITO');
    });
  });

  describe('DOMICILIO', () => {
    it('is satisfied by a person living at home', () => {
      expect(regola(valuta(istanzaAnziano(), 'buono-caregiver'), 'DOMICILIO')).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'La persona vive al proprio domicilio',
      });
    });

    it('refuses a person in a definitive residential placement', () => {
      const v = valuta({ ...istanzaAnziano(), alDomicilio: false }, 'buono-caregiver');
      expect(regola(v, 'DOMICILIO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'La persona non vive al domicilio (accolta in via definitiva in una struttura)',
      });
      expect(v.esito).toBe('non-ammissibile');
    });
  });

  describe('FASCIA_ETA', () => {
    it('gives the area of the band containing the age on the reference day', () => {
      const v = valuta(istanzaAnziano(), 'buono-caregiver');
      expect(regola(v, 'FASCIA_ETA')).toMatchObject({
        esito: 'soddisfatta',
        motivo: '70 anni al 15/06/2025: fascia da 65 anni, area anziani',
      });
      expect(v.area).toBe('anziani');
      expect(v.chiavi.eta).toBe(70);
    });

    it('counts full years: the day before the 18th birthday is still a minor', () => {
      const dati = { ...istanzaAnziano(), dataNascita: '2007-06-16' };
      expect(valuta(dati, 'buono-caregiver').area).toBe('minori');
      expect(valuta({ ...dati, dataNascita: '2007-06-15' }, 'buono-caregiver').area).toBe('disabili-adulti');
    });

    it('refuses an age outside every band (no band: non ammissibile, no area)', () => {
      const v = valuta({ ...istanzaAdulto(), dataNascita: '1955-01-01' }, 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'FASCIA_ETA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: '70 anni al 15/06/2025: nessuna fascia d’età della misura (18–64 anni)',
      });
      expect(v.area).toBeNull();
      expect(v.esito).toBe('non-ammissibile');
      // No band: neither its disability condition nor its ISEE is judged.
      expect(codici(v)).not.toContain('DISABILITA_CONDIZIONE');
    });
  });

  describe('DISABILITA_NON_SENILE', () => {
    it('is satisfied when the disability is not due to ageing', () => {
      expect(
        regola(valuta(istanzaAdulto(), 'ddn-a', regoleDopoDiNoi()), 'DISABILITA_NON_SENILE'),
      ).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'La disabilità non è determinata dal naturale invecchiamento',
      });
    });

    it('refuses a disability due to ageing', () => {
      const v = valuta({ ...istanzaAdulto(), disabilitaDaSenilita: true }, 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'DISABILITA_NON_SENILE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'La disabilità è determinata dal naturale invecchiamento o da patologie connesse alla senilità',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('sends a case not yet assessed to an operator', () => {
      const dati = {
        ...istanzaAdulto(),
        disabilitaDaSenilita: null,
        dopoDiNoi: {
          priorita: [],
          urgenzaAutonomia: 1,
          urgenzaSostegniFamiliari: 1,
          urgenzaAbitativa: 1,
          urgenzaEconomica: 1,
          costoInterventoCentesimi: 500_000,
          personeGruppoAppartamento: null,
        },
      };
      const v = valuta(dati, 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'DISABILITA_NON_SENILE')).toMatchObject({
        esito: 'da-verificare',
        motivo: 'Non è accertato se la disabilità sia determinata dal naturale invecchiamento',
      });
      expect(v.esito).toBe('da-verificare');
    });

    it('is not evaluated for B2', () => {
      expect(codici(valuta(istanzaAnziano(), 'buono-caregiver'))).not.toContain('DISABILITA_NON_SENILE');
    });
  });
});
