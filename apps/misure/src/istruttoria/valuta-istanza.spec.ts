import { DomainError } from '@ambito/contracts';
import { istanzaAnziano, regoleB2, valuta } from '../../test/regole-fixture';
import { esitoComplessivo, valutaIstanza } from './valuta-istanza';

describe('valutaIstanza (unit)', () => {
  it('admits a complete B2 istanza with every rule explained', () => {
    const v = valuta(istanzaAnziano(), 'buono-caregiver');
    expect(v).toMatchObject({
      esito: 'ammissibile',
      area: 'anziani',
      strumento: 'buono-caregiver',
      importoMensileCentesimi: 10_000,
      importoTotaleCentesimi: 120_000,
      regoleId: '00000000-0000-4000-8000-000000000001',
      dataRiferimento: '2025-06-15',
      chiavi: { iseeCentesimi: 1_850_000, eta: 70, prioritaGarantita: 0, urgenza: 0 },
    });
    expect(v.regole.map((r) => r.codice)).toEqual([
      'RESIDENZA_AMBITO',
      'DOMICILIO',
      'FASCIA_ETA',
      'DISABILITA_CONDIZIONE',
      'ISEE_PRESENTE',
      'ISEE_VALIDITA',
      'ISEE_SOGLIA',
      'ISEE_DIFFORMITA',
      'VALUTAZIONE_MULTIDIMENSIONALE',
      'PROGETTO_APPROVATO',
      'STRUMENTO_PREVISTO',
      'PRESUPPOSTO_CAREGIVER',
      'INCOMPATIBILITA',
      'IMPORTO_MENSILE',
    ]);
    expect(v.regole.every((r) => r.esito === 'soddisfatta')).toBe(true);
    expect(v.regole.every((r) => /^[A-Z][A-Z0-9_]{1,60}$/.test(r.codice) && r.motivo.length <= 500)).toBe(
      true,
    );
  });

  it('is deterministic: the same input twice gives deep-equal results, and the input is untouched', () => {
    const dati = istanzaAnziano();
    dati.isee.push({ ...dati.isee[0], protocolloDsu: 'INPS-ISEE-2025-00000009Z-00', valoreCentesimi: 1_000 });
    const parametri = regoleB2();
    const copiaDati = structuredClone(dati);
    const copiaParametri = structuredClone(parametri);
    const prima = valuta(dati, 'buono-caregiver', parametri);
    const seconda = valuta(structuredClone(dati), 'buono-caregiver', structuredClone(parametri));
    expect(seconda).toEqual(prima);
    expect(JSON.stringify(seconda)).toBe(JSON.stringify(prima));
    expect(dati).toEqual(copiaDati);
    expect(parametri).toEqual(copiaParametri);
  });

  it('survives a JSON round trip of the snapshot (how istruttorie are stored)', () => {
    const dati = istanzaAnziano();
    const parametri = regoleB2();
    expect(
      valuta(JSON.parse(JSON.stringify(dati)), 'buono-caregiver', JSON.parse(JSON.stringify(parametri))),
    ).toEqual(valuta(dati, 'buono-caregiver', parametri));
  });

  it('combines outcomes: any non-soddisfatta refuses, else any da-verificare goes to an operator', () => {
    const r = (esito: 'soddisfatta' | 'non-soddisfatta' | 'da-verificare') => ({
      codice: 'X',
      esito,
      motivo: '',
    });
    expect(esitoComplessivo([r('soddisfatta'), r('soddisfatta')])).toBe('ammissibile');
    expect(esitoComplessivo([r('soddisfatta'), r('da-verificare')])).toBe('da-verificare');
    expect(esitoComplessivo([r('da-verificare'), r('non-soddisfatta')])).toBe('non-ammissibile');
  });

  it('an expired ISEE together with a case to verify is non ammissibile: refusal wins', () => {
    const dati = istanzaAnziano();
    dati.isee[0].dataPresentazione = '2024-05-05';
    dati.riconoscimenti[0].dataRevisione = '2025-01-01';
    expect(valuta(dati, 'buono-caregiver').esito).toBe('non-ammissibile');
  });

  describe('a malformed case is refused with a stable code, never a TypeError', () => {
    const errore = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('nessun errore');
    };

    it('birth after the reference day: DATA_NON_VALIDA', () => {
      const e = errore(() => valuta({ ...istanzaAnziano(), dataNascita: '2025-06-16' }, 'buono-caregiver'));
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({
        code: 'DATA_NON_VALIDA',
        message: 'Istanza non valutabile: la data di nascita è successiva alla data di riferimento',
      });
    });

    it.each([
      ['an impossible reference day', { dataRiferimento: '2025-02-30' }, 'dataRiferimento'],
      ['zero months', { mesi: 0 }, 'mesi'],
      ['fractional months', { mesi: 1.5 }, 'mesi'],
      ['no strumento', { strumento: '' }, 'strumento'],
    ])('%s: VALIDAZIONE_FALLITA', (_caso, altro, campo) => {
      const e = errore(() =>
        valutaIstanza(
          {
            dati: istanzaAnziano(),
            strumento: 'buono-caregiver',
            dataRiferimento: '2025-06-15',
            mesi: 12,
            ...altro,
          },
          { id: 'x', parametri: regoleB2() },
        ),
      );
      expect(e).toMatchObject({ code: 'VALIDAZIONE_FALLITA', details: [{ campo }] });
    });

    it('missing parts of the data or of the rule set: VALIDAZIONE_FALLITA', () => {
      const senzaIsee = { ...istanzaAnziano(), isee: undefined } as never;
      expect(errore(() => valuta(senzaIsee, 'buono-caregiver'))).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
        details: [{ campo: 'dati.isee' }],
      });
      const senzaPresa = { ...istanzaAnziano(), presaInCarico: null } as never;
      expect(errore(() => valuta(senzaPresa, 'buono-caregiver'))).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
      });
      const parametri = { ...regoleB2(), strumenti: undefined } as never;
      expect(errore(() => valuta(istanzaAnziano(), 'buono-caregiver', parametri))).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
        details: [{ campo: 'regole.strumenti' }],
      });
    });
  });
});
