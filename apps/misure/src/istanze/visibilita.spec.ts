import { testActor } from '@ambito/testing';
import { loadTerritorioFile } from '@ambito/territorio';
import { formatoProtocollo } from './istanze.sql';
import { assertIstruttore, sedeDiPresentazione, vede, visibilitaIstanze } from './visibilita';

const territorio = loadTerritorioFile();
const udp = testActor('udp', ['ufficio-di-piano']);
const operatore = testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']);
const responsabile = testActor('responsabile.crema', ['responsabile-comune'], [], ['019035']);
const as = testActor('as.crema', ['assistente-sociale'], ['SA-CREMA']);
const admin = testActor('admin', ['amministratore']);

const codice = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('istanze: who sees and registers what', () => {
  it('gives the Ufficio di Piano the whole ambito, operators their sub-ambiti’s sedi, the Comune its residents', () => {
    expect(visibilitaIstanze(udp, territorio, { esiti: true })).toBeNull();
    const sedi = visibilitaIstanze(operatore, territorio, { esiti: true })!;
    expect(sedi.sedi).toEqual(expect.arrayContaining(['SEDE-CREMA-HUB', 'SEDE-RIPALTA-CREMASCA-SPOKE']));
    expect(sedi.sedi).not.toContain('SEDE-PANDINO-HUB');
    expect(visibilitaIstanze(responsabile, territorio, { esiti: true })).toEqual({
      sedi: [],
      comuni: ['019035'],
    });
    // Outcomes only: not the declarations of an istanza.
    expect(codice(() => visibilitaIstanze(responsabile, territorio, { esiti: false }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(codice(() => visibilitaIstanze(admin, territorio, { esiti: true }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(vede(sedi, { sede: 'SEDE-CREMA-HUB', comune_residenza: '019067' })).toBe(true);
    expect(vede(sedi, { sede: 'SEDE-PANDINO-HUB', comune_residenza: '019035' })).toBe(false);
    expect(vede(null, { sede: null, comune_residenza: null })).toBe(true);
  });

  it('registers at a sede of the operator’s sub-ambiti; the Ufficio di Piano may give none', () => {
    expect(sedeDiPresentazione(operatore, territorio, 'SEDE-CREMA-HUB')).toBe('SEDE-CREMA-HUB');
    expect(codice(() => sedeDiPresentazione(operatore, territorio, 'SEDE-PANDINO-HUB'))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    expect(codice(() => sedeDiPresentazione(operatore, territorio, undefined))).toBe('VALIDAZIONE_FALLITA');
    expect(codice(() => sedeDiPresentazione(operatore, territorio, 'SEDE-X'))).toBe('SEDE_SCONOSCIUTA');
    expect(sedeDiPresentazione(udp, territorio, undefined)).toBeNull();
    expect(sedeDiPresentazione(udp, territorio, 'SEDE-PANDINO-HUB')).toBe('SEDE-PANDINO-HUB');
  });

  it('lets the équipe run istruttorie unless the ambito keeps them to the Ufficio di Piano', () => {
    expect(codice(() => assertIstruttore(as, true))).toBeNull();
    expect(codice(() => assertIstruttore(as, false))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(codice(() => assertIstruttore(udp, false))).toBeNull();
    expect(codice(() => assertIstruttore(operatore, true))).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('formats the protocol as ambito, year and six digits', () => {
    expect(formatoProtocollo('CREMA', 2025, 123)).toBe('CREMA-2025-000123');
    expect(formatoProtocollo('CREMA', 2025, 1_234_567)).toBe('CREMA-2025-1234567');
  });
});
