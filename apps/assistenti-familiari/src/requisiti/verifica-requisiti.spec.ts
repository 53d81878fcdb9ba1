import type { DatiAssistenteV1, DichiarazioniCandidaturaV1, TitoloDichiaratoV1 } from '@ambito/contracts';
import { PARAMETRI_PREDEFINITI } from './predefiniti';
import { anniCompiuti, verificaRequisiti, type RequisitiApplicati } from './verifica-requisiti';

const GIORNO = '2026-06-15';
const REQUISITI: RequisitiApplicati = {
  id: '00000000-0000-4000-8000-000000000001',
  versione: 1,
  parametri: PARAMETRI_PREDEFINITI,
};

const italiana: DatiAssistenteV1 = {
  codiceFiscale: 'RSSMRA80A41H501X',
  nome: 'Maria',
  cognome: 'Rossi',
  dataNascita: '1980-01-01',
  cittadinanza: 'IT',
  telefono: null,
  email: null,
  indirizzo: null,
};
const rumena: DatiAssistenteV1 = { ...italiana, cittadinanza: 'RO' };
const ucraina: DatiAssistenteV1 = { ...italiana, cittadinanza: 'UA' };

const t = (
  tipo: TitoloDichiaratoV1['tipo'],
  extra: Partial<TitoloDichiaratoV1> = {},
): TitoloDichiaratoV1 => ({
  tipo,
  ore: null,
  mesi: null,
  descrizione: 'titolo',
  documento: 'DOC-1',
  ...extra,
});

const base: DichiarazioniCandidaturaV1 = {
  assenzaCondanne: true,
  assenzaProcedimentiPendenti: true,
  permessoSoggiorno: null,
  titoli: [t('qualifica-asa-oss')],
  provaLingua: { modo: 'autodichiarazione', ente: null, documento: null },
};
const permesso = {
  tipo: 'lavoro subordinato',
  validoPerLavoro: true,
  scadenza: '2027-01-31',
  documento: 'PS-1',
};

const esito = (a: DatiAssistenteV1, d: Partial<DichiarazioniCandidaturaV1>, r = REQUISITI) =>
  verificaRequisiti(a, { ...base, ...d }, r, GIORNO);
const requisito = (
  a: DatiAssistenteV1,
  d: Partial<DichiarazioniCandidaturaV1>,
  codice: string,
  r = REQUISITI,
) => esito(a, d, r).requisiti.find((x) => x.codice === codice)!;

describe('verificaRequisiti (pure, explained)', () => {
  it('admits an Italian citizen with a title, records the version and the day, explains every requirement', () => {
    const v = esito(italiana, {});
    expect(v).toMatchObject({
      esito: 'idoneo',
      requisitiId: REQUISITI.id,
      versioneRequisiti: 1,
      giorno: GIORNO,
      cittadinoUe: true,
    });
    expect(v.requisiti.map((r) => [r.codice, r.esito])).toEqual([
      ['ETA_MINIMA', 'soddisfatto'],
      ['ASSENZA_CONDANNE', 'soddisfatto'],
      ['PERMESSO_SOGGIORNO', 'non-applicabile'],
      ['TITOLO', 'soddisfatto'],
      ['LINGUA_ITALIANA', 'non-applicabile'],
    ]);
    expect(v.requisiti.every((r) => r.motivo.length > 10)).toBe(true);
  });

  describe('age', () => {
    it('counts full years on the day: 18 the day of the birthday, 17 the day before', () => {
      expect(anniCompiuti('2008-06-15', GIORNO)).toBe(18);
      expect(anniCompiuti('2008-06-16', GIORNO)).toBe(17);
      expect(requisito({ ...italiana, dataNascita: '2008-06-16' }, {}, 'ETA_MINIMA')).toMatchObject({
        esito: 'non-soddisfatto',
        motivo: '17 anni compiuti: ne servono almeno 18',
      });
      expect(esito({ ...italiana, dataNascita: '2008-06-15' }, {}).esito).toBe('idoneo');
    });
  });

  describe('convictions (self-declared)', () => {
    it.each([
      [{ assenzaCondanne: false }, /condanne penali/],
      [{ assenzaProcedimentiPendenti: false }, /procedimenti penali pendenti/],
    ])('refuses %p', (d, motivo) => {
      const r = requisito(italiana, d, 'ASSENZA_CONDANNE');
      expect(r.esito).toBe('non-soddisfatto');
      expect(r.motivo).toMatch(motivo);
      expect(esito(italiana, d).esito).toBe('non-idoneo');
    });
  });

  describe('EU and non-EU', () => {
    it('an EU citizen (RO) needs no permit and may use any title', () => {
      const v = esito(rumena, { titoli: [t('titolo-ue-traduzione-asseverata')] });
      expect(v.cittadinoUe).toBe(true);
      expect(v.esito).toBe('idoneo');
      expect(v.requisiti.find((r) => r.codice === 'PERMESSO_SOGGIORNO')?.esito).toBe('non-applicabile');
    });

    it('a non-EU citizen with a work permit in force is admitted', () => {
      const v = esito(ucraina, {
        permessoSoggiorno: permesso,
        titoli: [t('attestato-regionale-assistente-familiare')],
      });
      expect(v.cittadinoUe).toBe(false);
      expect(v.esito).toBe('idoneo');
      expect(v.requisiti.find((r) => r.codice === 'PERMESSO_SOGGIORNO')?.motivo).toMatch(
        /fino al 2027-01-31/,
      );
    });

    it.each([
      ['no permit', null, /senza permesso/],
      [
        'a permit not valid for work',
        { ...permesso, validoPerLavoro: false, tipo: 'studio' },
        /non valido per lavoro/,
      ],
      ['an expired permit', { ...permesso, scadenza: '2026-06-14' }, /scaduto il 2026-06-14/],
    ])('refuses a non-EU citizen with %s', (_caso, ps, motivo) => {
      const r = requisito(
        ucraina,
        { permessoSoggiorno: ps, titoli: [t('esperienza-12-mesi', { mesi: 24 })] },
        'PERMESSO_SOGGIORNO',
      );
      expect(r.esito).toBe('non-soddisfatto');
      expect(r.motivo).toMatch(motivo);
    });

    it('accepts a permit without expiry and one expiring on the day itself', () => {
      for (const scadenza of [null, GIORNO])
        expect(
          esito(ucraina, {
            permessoSoggiorno: { ...permesso, scadenza },
            titoli: [t('attestato-160-ore', { ore: 200 })],
          }).esito,
        ).toBe('idoneo');
    });
  });

  describe('titles', () => {
    it.each([
      ['titolo-ue-traduzione-asseverata', {}],
      ['attestato-160-ore', { ore: 160 }],
      ['qualifica-asa-oss', {}],
      ['attestato-regionale-assistente-familiare', {}],
      ['esperienza-12-mesi', { mesi: 12 }],
    ] as const)('an EU citizen qualifies with %s', (tipo, extra) => {
      expect(requisito(rumena, { titoli: [t(tipo, extra)] }, 'TITOLO').esito).toBe('soddisfatto');
    });

    it.each([
      ['titolo-ue-traduzione-asseverata', {}, 'non-soddisfatto'],
      ['attestato-160-ore', { ore: 160 }, 'soddisfatto'],
      ['qualifica-asa-oss', {}, 'non-soddisfatto'],
      ['attestato-regionale-assistente-familiare', {}, 'soddisfatto'],
      ['esperienza-12-mesi', { mesi: 12 }, 'soddisfatto'],
    ] as const)('a non-EU citizen with %s: %s (only attestati or experience)', (tipo, extra, atteso) => {
      const r = requisito(ucraina, { permessoSoggiorno: permesso, titoli: [t(tipo, extra)] }, 'TITOLO');
      expect(r.esito).toBe(atteso);
      if (atteso === 'non-soddisfatto') expect(r.motivo).toMatch(/extra-UE/);
    });

    it('refuses a course under the hours and experience under the months, and no title at all', () => {
      expect(
        requisito(italiana, { titoli: [t('attestato-160-ore', { ore: 120 })] }, 'TITOLO').motivo,
      ).toMatch(/120 ore: ne servono almeno 160/);
      expect(
        requisito(italiana, { titoli: [t('esperienza-12-mesi', { mesi: 11 })] }, 'TITOLO').motivo,
      ).toMatch(/11 mesi: ne servono almeno 12/);
      expect(requisito(italiana, { titoli: [] }, 'TITOLO')).toMatchObject({
        esito: 'non-soddisfatto',
        motivo: /Nessun titolo/ as never,
      });
    });

    it('one valid title among invalid ones is enough, and the thresholds are data', () => {
      expect(
        requisito(
          italiana,
          { titoli: [t('attestato-160-ore', { ore: 100 }), t('qualifica-asa-oss')] },
          'TITOLO',
        ).esito,
      ).toBe('soddisfatto');
      const piuOre = { ...REQUISITI, parametri: { ...PARAMETRI_PREDEFINITI, oreMinimeAttestato: 200 } };
      expect(
        requisito(italiana, { titoli: [t('attestato-160-ore', { ore: 160 })] }, 'TITOLO', piuOre).esito,
      ).toBe('non-soddisfatto');
    });
  });

  describe('Italian language, in the mode the ambito configures', () => {
    const soloA2 = {
      ...REQUISITI,
      parametri: {
        ...PARAMETRI_PREDEFINITI,
        provaLingua: { ...PARAMETRI_PREDEFINITI.provaLingua, modiAmmessi: ['certificato-a2' as const] },
      },
    };
    const soloDiplomaOAutodichiarazione = {
      ...REQUISITI,
      parametri: {
        ...PARAMETRI_PREDEFINITI,
        provaLingua: {
          ...PARAMETRI_PREDEFINITI.provaLingua,
          modiAmmessi: ['diploma-secondaria-italia' as const, 'autodichiarazione' as const],
        },
      },
    };

    it('accepts a lower secondary diploma obtained in Italy, with its document', () => {
      const d = {
        provaLingua: { modo: 'diploma-secondaria-italia' as const, ente: 'IC Viadana', documento: 'DIP-1' },
      };
      expect(requisito(rumena, d, 'LINGUA_ITALIANA', soloDiplomaOAutodichiarazione).esito).toBe(
        'soddisfatto',
      );
      expect(
        requisito(rumena, { provaLingua: { ...d.provaLingua, documento: null } }, 'LINGUA_ITALIANA').motivo,
      ).toMatch(/senza riferimento/);
    });

    it('accepts an A2 certificate of a recognised body only', () => {
      const a2 = (ente: string) => ({
        provaLingua: { modo: 'certificato-a2' as const, ente, documento: 'A2-1' },
      });
      expect(
        requisito(rumena, a2('università per stranieri di siena'), 'LINGUA_ITALIANA', soloA2).esito,
      ).toBe('soddisfatto');
      expect(requisito(rumena, a2('Scuola privata'), 'LINGUA_ITALIANA', soloA2).motivo).toMatch(
        /ente non riconosciuto/,
      );
    });

    it('accepts a self-declaration where the ambito allows it, and refuses it where only A2 counts', () => {
      expect(requisito(rumena, {}, 'LINGUA_ITALIANA', soloDiplomaOAutodichiarazione).esito).toBe(
        'soddisfatto',
      );
      const r = requisito(rumena, {}, 'LINGUA_ITALIANA', soloA2);
      expect(r).toMatchObject({ esito: 'non-soddisfatto' });
      expect(r.motivo).toMatch(/non ammessa dall’Ambito, che ammette certificato-a2/);
    });

    it('asks no proof of an Italian citizen, and refuses a foreigner without one', () => {
      expect(requisito(italiana, { provaLingua: null }, 'LINGUA_ITALIANA', soloA2).esito).toBe(
        'non-applicabile',
      );
      expect(requisito(rumena, { provaLingua: null }, 'LINGUA_ITALIANA').esito).toBe('non-soddisfatto');
    });
  });
});
