import { ChiudiAccessoV1, RegistraAccessoV1 } from '../accesso/v1/accesso.dto';
import { RegistraPersonaV1 } from '../accesso/v1/persona.dto';
import { ElencaAccessiV1 } from '../accesso/v1/accesso.dto';
import { ProponiProgettoV1 } from '../presa-in-carico/v1/progetto.dto';
import { DomainError } from './domain-error';
import type { FieldError } from './error-codes';
import { GIORNO_ESISTENTE, MESE_ESISTENTE } from './giorno';
import { PROFONDITA_MASSIMA } from './input-pulito';
import { validaContratto } from './validation';

const id = '5b0e4a3e-8d5c-4a55-9a53-7f0b1c2d3e4f';

const persona = {
  codiceFiscale: 'VRDGNN50A41D142Z',
  cognome: 'Verdi',
  nome: 'Giovanna',
  dataNascita: '1950-01-01',
  luogoNascita: 'D142',
  sesso: 'F',
  cittadinanza: 'IT',
  comuneResidenza: '019035',
};

const accesso = {
  personaId: id,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: 'Aiuto domiciliare',
};

/** The fields of the VALIDAZIONE_FALLITA a value gets, or [] when it is accepted. */
async function rifiuto(classe: new () => object, valore: unknown): Promise<FieldError[]> {
  try {
    await validaContratto(classe, valore);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDAZIONE_FALLITA');
    return error.details ?? [];
  }
}

const campi = (errori: FieldError[]) => errori.map((e) => e.campo);

describe('text fields of every command', () => {
  it.each([
    ['NUL', 'Ver\u0000di'],
    ['a C0 control (ESC)', 'Ver\u001bdi'],
    ['DEL', 'Ver\u007fdi'],
    ['a C1 control', 'Ver\u0085di'],
    ['a right-to-left override', 'Ver\u202edi'],
    ['a left-to-right embedding', '\u202aVerdi'],
    ['a first-strong isolate', 'Verdi\u2068'],
    ['a pop directional isolate', 'Verdi\u2069'],
    ['a zero-width space', 'Ver\u200bdi'],
    ['a zero-width joiner', 'Ver\u200ddi'],
    ['a word joiner', 'Ver\u2060di'],
    ['a byte order mark', '\ufeffVerdi'],
    ['an unpaired surrogate', 'Ver\ud800di'],
  ])('refuses %s in a single-line field, naming the field', async (_nome, cognome) => {
    const errori = await rifiuto(RegistraPersonaV1, { ...persona, cognome });
    expect(errori).toEqual([
      { campo: 'cognome', messaggi: [expect.stringContaining('caratteri non ammessi')] },
    ]);
  });

  it.each([
    ['NUL', 'Chiede aiuto\u0000'],
    ['a right-to-left override', 'Chiede \u202eaiuto'],
    ['a zero-width space', 'Chiede\u200baiuto'],
  ])('refuses %s in a multi-line note as well', async (_nome, richiesta) => {
    expect(campi(await rifiuto(RegistraAccessoV1, { ...accesso, richiesta }))).toEqual(['richiesta']);
  });

  it('accepts line breaks and tabs in a multi-line note, and refuses them in a single-line field', async () => {
    await expect(
      validaContratto(RegistraAccessoV1, {
        ...accesso,
        richiesta: 'Prima riga\r\nseconda\triga',
        note: 'a\nb',
      }),
    ).resolves.toBeInstanceOf(RegistraAccessoV1);
    expect(await rifiuto(RegistraPersonaV1, { ...persona, cognome: 'Verdi\nRossi' })).toEqual([
      { campo: 'cognome', messaggi: [expect.stringContaining('su una riga')] },
    ]);
    expect(campi(await rifiuto(RegistraAccessoV1, { ...accesso, referente: 'Marco\tVerdi' }))).toEqual([
      'referente',
    ]);
  });

  it('knows multi-line fields in nested classes and lists by their class (the esito of a chiusura, obiettivi)', async () => {
    await expect(
      validaContratto(ChiudiAccessoV1, {
        id,
        esito: { tipo: 'proposta-presa-in-carico', motivazione: 'Uno\ndue', urgenza: 'urgente' },
      }),
    ).resolves.toBeDefined();
    expect(
      campi(
        await rifiuto(ChiudiAccessoV1, {
          id,
          esito: { tipo: 'invio-altro-servizio', servizio: 'Tutela\nminori' },
        }),
      ),
    ).toEqual(['esito.servizio']);
    expect(
      campi(
        await rifiuto(ProponiProgettoV1, {
          id,
          dataInizio: '2026-01-01',
          dataFine: '2026-12-31',
          obiettivi: [{ descrizione: 'Igiene\u0000', indicatore: 'Bagni', risultatoAtteso: 'Due' }],
          interventi: [],
          verifiche: [],
          consensoPersona: true,
        }),
      ),
    ).toEqual(['obiettivi.0.descrizione']);
  });

  it('keeps accented letters, typographic quotes and other scripts', async () => {
    await expect(
      validaContratto(RegistraPersonaV1, { ...persona, cognome: 'D’Alessandro-Müller Ñuñez Łukasz 王' }),
    ).resolves.toBeDefined();
  });

  it('checks unknown fields too, before refusing them as unknown', async () => {
    expect(campi(await rifiuto(RegistraPersonaV1, { ...persona, extra: 'x\u0000' }))).toEqual(['extra']);
  });

  it('leaves events and replies as they are (read with rifiutaCampiIgnoti: false)', async () => {
    await expect(
      validaContratto(
        RegistraPersonaV1,
        { ...persona, cognome: 'Verdi\nRossi' },
        { rifiutaCampiIgnoti: false },
      ),
    ).resolves.toBeDefined();
  });
});

describe('keys of every command', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses %s as a key at the top and at any depth (as JSON.parse makes it: an own key)',
    async (chiave) => {
      const inCima = JSON.parse(`{"${chiave}": {"isAdmin": true}}`) as object;
      expect(await rifiuto(RegistraPersonaV1, { ...persona, ...inCima })).toEqual([
        { campo: chiave, messaggi: ['nome di campo non ammesso'] },
      ]);
      const annidato = JSON.parse(
        `{"id":"${id}","esito":{"tipo":"informazione-orientamento","${chiave}":{"x":1}}}`,
      ) as object;
      expect(campi(await rifiuto(ChiudiAccessoV1, annidato))).toEqual([`esito.${chiave}`]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('refuses input nested deeper than any contract, without recursing into it', async () => {
    let profondo: unknown = 'x';
    for (let i = 0; i < 100_000; i++) profondo = [profondo];
    const errori = await rifiuto(RegistraPersonaV1, { ...persona, recapiti: profondo });
    expect(errori).toEqual([
      {
        campo: expect.stringMatching(/^recapiti(\.0)+$/),
        messaggi: [`annidamento oltre ${PROFONDITA_MASSIMA} livelli`],
      },
    ]);
  });
});

describe('page requests', () => {
  it('refuses a page number beyond 10,000 (pagina=99999999999999999999 is an integer to JavaScript)', async () => {
    expect(await rifiuto(ElencaAccessiV1, { pagina: '99999999999999999999' })).toEqual([
      { campo: 'pagina', messaggi: ['pagina: numero intero da 1 a 10000'] },
    ]);
    expect(await rifiuto(ElencaAccessiV1, { pagina: '10001' })).toHaveLength(1);
    expect(await rifiuto(ElencaAccessiV1, { perPagina: '201' })).toEqual([
      { campo: 'perPagina', messaggi: ['perPagina: numero intero da 1 a 200'] },
    ]);
    await expect(validaContratto(ElencaAccessiV1, { pagina: '10000', perPagina: '200' })).resolves.toEqual(
      expect.objectContaining({ pagina: 10000, perPagina: 200 }),
    );
  });
});

describe('days', () => {
  it('accepts only days that exist (found by the fuzz: 0000-00-00 reached PostgreSQL, a 500)', () => {
    const giorni = ['2024-02-29', '2000-02-29', '2024-12-31', '1950-01-01'];
    const impossibili = ['0000-00-00', '2023-02-29', '1900-02-29', '2024-02-30', '2024-04-31', '2024-13-01'];
    for (const g of giorni) expect(GIORNO_ESISTENTE.test(g)).toBe(true);
    for (const g of impossibili) expect(GIORNO_ESISTENTE.test(g)).toBe(false);
  });
});

describe('months', () => {
  it('accepts only months that exist (found by the fuzz: GET /misure/liquidazioni/0000-01 reached PostgreSQL, a 500)', () => {
    for (const m of ['2025-01', '2026-12', '1999-10']) expect(MESE_ESISTENTE.test(m)).toBe(true);
    for (const m of ['0000-01', '2025-00', '2025-13', '2025-1', '25-01', '2025-01-01'])
      expect(MESE_ESISTENTE.test(m)).toBe(false);
  });
});
