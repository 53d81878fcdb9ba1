import { checkChar } from '@ambito/kernel';
import { leggiCsv, scriviCsv } from './csv';
import { MAPPATURA_NUCLEI_V1 } from './mappatura-nuclei';
import { dataIso, FileGepiNonValido, validaNuclei } from './valida-nuclei';

const cf = (primi15: string) => primi15 + checkChar(primi15);
// Born 12/04/1985, female (day 52); born 30/11/1979, male.
const ANNA = cf('VRDNNA85D52D142');
const PAOLO = cf('NREPLA79S30D142');
const OGGI = '2026-11-30';
const INTESTAZIONE =
  'Codice domanda;Codice fiscale richiedente;Cognome richiedente;Nome richiedente;Data di nascita;' +
  'Codice ISTAT comune di residenza;Data sottoscrizione PAD';

describe('csv', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks, a BOM and blank lines', () => {
    expect(leggiCsv('\ufeffa;"b;c";"d ""e"""\r\n\r\n"f\ng";h\n')).toEqual([
      { riga: 1, celle: ['a', 'b;c', 'd "e"'] },
      { riga: 3, celle: ['f\ng', 'h'] },
    ]);
  });

  it('writes what it reads back, and neutralises formulas', () => {
    const csv = scriviCsv([['a;b', 'c"d', '=SOMMA(A1)', 3, null]]);
    expect(csv).toBe('"a;b";"c""d";\'=SOMMA(A1);3;\r\n');
    expect(leggiCsv(csv)[0].celle).toEqual(['a;b', 'c"d', "'=SOMMA(A1)", '3', '']);
  });
});

describe('validaNuclei (mapping gepi-nuclei-adi@1)', () => {
  it('maps the columns by header, in any order and case, ignoring extra columns; sex from the codice fiscale', () => {
    const testo =
      'stato domanda;DATA SOTTOSCRIZIONE PAD;codice  fiscale richiedente;Codice domanda;Cognome richiedente;Nome richiedente;' +
      'Data di nascita;Codice ISTAT comune di residenza;Numero componenti nucleo\n' +
      `Accolta;01/09/2026;${ANNA.toLowerCase()};inps-adi-2026-1;Verdi;Anna;12/04/1985;019035;4\n`;
    expect(validaNuclei(testo, MAPPATURA_NUCLEI_V1, OGGI)).toEqual({
      rifiutate: [],
      nuclei: [
        {
          riga: 2,
          codiceDomanda: 'INPS-ADI-2026-1',
          codiceFiscale: ANNA,
          cognome: 'Verdi',
          nome: 'Anna',
          dataNascita: '1985-04-12',
          sesso: 'F',
          comuneResidenza: '019035',
          dataPad: '2026-09-01',
          componenti: 4,
        },
      ],
    });
  });

  it('lists every problem of every row, by row and column', () => {
    const testo = [
      INTESTAZIONE,
      `DOM-1;${PAOLO};Neri;Paolo;30/11/1979;19035;01/12/2026`,
      `DOM-1;${ANNA.slice(0, 15)}Z;Verdi;Anna;1985-04-12;019035;2026-09-01`,
      `;${ANNA};Verdi;;12/04/1985;019035;01/01/1980`,
    ].join('\n');
    const { nuclei, rifiutate } = validaNuclei(testo, MAPPATURA_NUCLEI_V1, OGGI);
    expect(nuclei).toEqual([]);
    expect(rifiutate).toEqual([
      { campo: 'riga 2: Data sottoscrizione PAD', messaggi: ['data nel futuro'] },
      { campo: 'riga 2: Codice ISTAT comune di residenza', messaggi: ['codice ISTAT di 6 cifre'] },
      { campo: 'riga 3: Codice domanda', messaggi: ['domanda ripetuta (già alla riga 2)'] },
      {
        campo: 'riga 3: Codice fiscale richiedente',
        messaggi: ['codice fiscale non valido: carattere di controllo errato'],
      },
      { campo: 'riga 4: Codice domanda', messaggi: ['obbligatorio'] },
      { campo: 'riga 4: Nome richiedente', messaggi: ['obbligatorio'] },
      { campo: 'riga 4: Data sottoscrizione PAD', messaggi: ['PAD precedente alla nascita del richiedente'] },
    ]);
  });

  it('refuses a file that is not the export: empty, a required column missing, only the header, unclosed quotes', () => {
    const errore = (testo: string) => {
      try {
        validaNuclei(testo, MAPPATURA_NUCLEI_V1, OGGI);
      } catch (e) {
        expect(e).toBeInstanceOf(FileGepiNonValido);
        return (e as Error).message;
      }
      throw new Error('doveva essere rifiutato');
    };
    expect(errore('\n\n')).toBe('Il file è vuoto.');
    expect(errore('Codice domanda;Cognome richiedente\nX;Y')).toMatch(/mancano «Codice fiscale richiedente»/);
    expect(errore(INTESTAZIONE + '\n')).toMatch(/solo l’intestazione/);
    expect(errore(INTESTAZIONE + '\n"DOM-1;x')).toMatch(/virgolette non chiuse/);
  });

  it('reads GePI dates and ISO ones, refusing days that do not exist', () => {
    expect(dataIso('1/9/2026')).toBe('2026-09-01');
    expect(dataIso('2026-09-01')).toBe('2026-09-01');
    expect(dataIso('29/02/2025')).toBeNull();
    expect(dataIso('2026-13-01')).toBeNull();
    expect(dataIso('01-09-2026')).toBeNull();
  });
});
