import { ASSISTENTI_FAMILIARI_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  SPORTELLO_VIADANA,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { candidaturaExtraUe, candidaturaUe } from '../../test/candidature';

const {
  presentaCandidatura,
  decidiCandidatura,
  leggiCandidatura,
  leggiIscrizione,
  pubblicaRequisiti,
  leggiRequisiti,
} = ASSISTENTI_FAMILIARI_RPC;
const MOTIVO = 'tenuta del registro';

describe('candidature and iscrizione (NATS → assistenti-familiari → PostgreSQL)', () => {
  let svc: TestAssistentiFamiliari;

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
  });
  afterAll(() => svc?.close());

  it('receives a candidatura at a sportello with the explained check of the requirements in force', async () => {
    const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, candidaturaUe());
    expect(c).toMatchObject({
      stato: 'presentata',
      registro: 'CREMA',
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      iscrizioneId: null,
    });
    expect(c.verifica).toMatchObject({
      esito: 'idoneo',
      versioneRequisiti: 1,
      giorno: '2026-06-15',
      cittadinoUe: true,
    });
    expect(c.verifica.requisiti.map((r) => r.codice)).toEqual([
      'ETA_MINIMA',
      'ASSENZA_CONDANNE',
      'PERMESSO_SOGGIORNO',
      'TITOLO',
      'LINGUA_ITALIANA',
    ]);
    const [riga] = await svc.sql<{ requisiti_id: string }>(
      `SELECT requisiti_id FROM candidatura WHERE id = $1`,
      [c.id],
    );
    expect(riga.requisiti_id).toBe(c.verifica.requisitiId);
    expect(
      await svc.sql(`SELECT azione, risorsa, soggetto_tipo FROM voce_audit WHERE risorsa_id = $1`, [c.id]),
    ).toEqual([{ azione: 'presenta', risorsa: 'candidatura', soggetto_tipo: 'assistente' }]);
  });

  it('registers after verification: iscrizione, scheda, history, event; the other desk reads it (one registro)', async () => {
    const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, candidaturaUe());
    const decisa = await svc.as(ATTORI.casalmaggiore)(decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    expect(decisa).toMatchObject({
      stato: 'iscritta',
      decisaDa: 'sportello.casalmaggiore',
      iscrizioneId: expect.any(String),
    });
    // Viadana's desk keeps the same registro.
    const i = await svc.as(ATTORI.viadana, MOTIVO)(leggiIscrizione, { id: decisa.iscrizioneId! });
    expect(i).toMatchObject({
      stato: 'attiva',
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      iscrittaIl: '2026-06-15',
      permessoScadenza: null,
      consenso: null,
      scheda: {
        competenze: ['igiene-personale', 'demenza', 'cucina'],
        disponibilita: [
          { giorno: 'lun', dalle: 8, alle: 14 },
          { giorno: 'mer', dalle: 8, alle: 14 },
        ],
        aree: ['019021', '020066'],
      },
    });
    expect(i.storia.map((s) => s.tipo)).toEqual(['iscritta']);
    const eventi = await svc.sql<{ event_type: string; payload: Record<string, unknown> }>(
      `SELECT type AS event_type, envelope->'payload' AS payload FROM outbox_message WHERE envelope->'payload'->>'iscrizioneId' = $1`,
      [i.id],
    );
    expect(eventi).toEqual([
      {
        event_type: 'assistenti-familiari.iscrizione.registrata',
        payload: expect.objectContaining({
          iscrizioneId: i.id,
          registro: 'CREMA',
          sportello: 'SPORTELLO-AF-CASALMAGGIORE',
        }),
      },
    ]);
    // Events carry ids, never personal data.
    expect(JSON.stringify(eventi)).not.toContain(c.assistente.codiceFiscale);
    // The personal read is audited with its purpose.
    expect(
      await svc.sql(
        `SELECT utente, azione, motivo FROM voce_audit WHERE risorsa = 'iscrizione' AND risorsa_id = $1`,
        [i.id],
      ),
    ).toEqual([{ utente: 'sportello.viadana', azione: 'leggi', motivo: MOTIVO }]);
  });

  it('rejects with a motivazione, which is required', async () => {
    const c = await svc.as(ATTORI.viadana)(presentaCandidatura, {
      ...candidaturaUe(),
      sportello: SPORTELLO_VIADANA,
    });
    expect(
      await rifiuto(
        svc.as(ATTORI.viadana)(decidiCandidatura, {
          id: c.id,
          decisione: 'respingi',
          documentiVerificati: false,
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(ATTORI.viadana)(decidiCandidatura, {
          id: c.id,
          decisione: 'respingi',
          documentiVerificati: true,
          motivazione: '   ',
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    const respinta = await svc.as(ATTORI.viadana)(decidiCandidatura, {
      id: c.id,
      decisione: 'respingi',
      documentiVerificati: true,
      motivazione: 'Documento d’identità scaduto',
    });
    expect(respinta).toMatchObject({
      stato: 'respinta',
      motivazione: 'Documento d’identità scaduto',
      iscrizioneId: null,
    });
    expect(
      await rifiuto(
        svc.as(ATTORI.viadana)(decidiCandidatura, {
          id: c.id,
          decisione: 'iscrivi',
          documentiVerificati: true,
        }),
      ),
    ).toBe('CANDIDATURA_GIA_DECISA');
  });

  it('refuses to register without verified documents or when a requirement fails, writing nothing', async () => {
    const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, candidaturaUe());
    expect(
      await rifiuto(
        svc.as(ATTORI.casalmaggiore)(decidiCandidatura, {
          id: c.id,
          decisione: 'iscrivi',
          documentiVerificati: false,
        }),
      ),
    ).toBe('DOCUMENTI_NON_VERIFICATI');
    const senzaTitolo = candidaturaUe();
    senzaTitolo.dichiarazioni.titoli = [];
    const nonIdonea = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, senzaTitolo);
    expect(nonIdonea.verifica.esito).toBe('non-idoneo');
    const errore = await svc
      .as(ATTORI.casalmaggiore)(decidiCandidatura, {
        id: nonIdonea.id,
        decisione: 'iscrivi',
        documentiVerificati: true,
      })
      .catch((e: { code: string; details: unknown }) => e);
    expect(errore).toMatchObject({
      code: 'REQUISITI_NON_SODDISFATTI',
      details: [{ campo: 'TITOLO', messaggi: [expect.stringMatching(/Nessun titolo/)] }],
    });
    expect(
      await svc.sql(`SELECT id FROM iscrizione WHERE candidatura_id IN ($1, $2)`, [c.id, nonIdonea.id]),
    ).toEqual([]);
  });

  it('judges the decision on its own day: a permit expired since the candidatura refuses the iscrizione', async () => {
    const c = await svc.as(ATTORI.viadana)(presentaCandidatura, candidaturaExtraUe('2026-06-20'));
    expect(c.verifica).toMatchObject({ esito: 'idoneo', cittadinoUe: false });
    svc.oggi('2026-06-21');
    try {
      const errore = await svc
        .as(ATTORI.viadana)(decidiCandidatura, { id: c.id, decisione: 'iscrivi', documentiVerificati: true })
        .catch((e: { code: string; details: Array<{ campo: string }> }) => e);
      expect(errore).toMatchObject({
        code: 'REQUISITI_NON_SODDISFATTI',
        details: [{ campo: 'PERMESSO_SOGGIORNO' }],
      });
    } finally {
      svc.oggi('2026-06-15');
    }
    const iscritta = await svc.as(ATTORI.viadana)(decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    const i = await svc.as(ATTORI.viadana, MOTIVO)(leggiIscrizione, { id: iscritta.iscrizioneId! });
    expect(i.permessoScadenza).toBe('2026-06-20');
  });

  it('keeps one open candidatura and one live iscrizione per assistant in the registro', async () => {
    const dati = candidaturaUe();
    const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, dati);
    expect(
      await rifiuto(svc.as(ATTORI.viadana)(presentaCandidatura, { ...dati, sportello: SPORTELLO_VIADANA })),
    ).toBe('CANDIDATURA_GIA_PRESENTATA');
    await svc.as(ATTORI.casalmaggiore)(decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    expect(
      await rifiuto(svc.as(ATTORI.viadana)(presentaCandidatura, { ...dati, sportello: SPORTELLO_VIADANA })),
    ).toBe('ASSISTENTE_GIA_ISCRITTO');
  });

  it('lets two desks decide the same candidatura at once: one iscrizione', async () => {
    const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, candidaturaUe());
    const esiti = await Promise.allSettled([
      svc.as(ATTORI.casalmaggiore)(decidiCandidatura, {
        id: c.id,
        decisione: 'iscrivi',
        documentiVerificati: true,
      }),
      svc.as(ATTORI.viadana)(decidiCandidatura, {
        id: c.id,
        decisione: 'iscrivi',
        documentiVerificati: true,
      }),
    ]);
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
    expect(esiti.find((e) => e.status === 'rejected')).toMatchObject({
      reason: { code: 'CANDIDATURA_GIA_DECISA' },
    });
    expect(await svc.sql(`SELECT id FROM iscrizione WHERE candidatura_id = $1`, [c.id])).toHaveLength(1);
  });

  it('keeps the sportelli to their sub-ambiti and the registro to its operators', async () => {
    expect(await rifiuto(svc.as(ATTORI.viadana)(presentaCandidatura, candidaturaUe()))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    expect(await rifiuto(svc.as(ATTORI.foedus)(presentaCandidatura, candidaturaUe()))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    expect(
      await rifiuto(svc.as(ATTORI.udp)(presentaCandidatura, { ...candidaturaUe(), sportello: 'SEDE-X' })),
    ).toBe('SEDE_SCONOSCIUTA');
    expect(await rifiuto(svc.as(ATTORI.responsabile)(presentaCandidatura, candidaturaUe()))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    const c = await svc.as(ATTORI.udp)(presentaCandidatura, candidaturaUe());
    expect(await rifiuto(svc.as(ATTORI.foedus, MOTIVO)(leggiCandidatura, { id: c.id }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    expect(await rifiuto(svc.as(ATTORI.viadana)(leggiCandidatura, { id: c.id }))).toBe('FINALITA_MANCANTE');
  });

  it('refuses areas outside the ambito and an invalid codice fiscale', async () => {
    const fuori = candidaturaUe();
    fuori.scheda.aree = ['019035'];
    expect(await rifiuto(svc.as(ATTORI.casalmaggiore)(presentaCandidatura, fuori))).toBe(
      'COMUNE_SCONOSCIUTO',
    );
    const cfErrato = candidaturaUe();
    cfErrato.assistente.codiceFiscale =
      cfErrato.assistente.codiceFiscale.slice(0, 15) +
      (cfErrato.assistente.codiceFiscale[15] === 'A' ? 'B' : 'A');
    expect(await rifiuto(svc.as(ATTORI.casalmaggiore)(presentaCandidatura, cfErrato))).toBe(
      'CODICE_FISCALE_NON_VALIDO',
    );
  });

  it('applies a new version of the requirements from its day: the ambito may accept only A2 certificates', async () => {
    const attuali = await svc.as(ATTORI.udp)(leggiRequisiti, {});
    expect(attuali).toMatchObject({ versione: 1, validoDal: '2016-10-03', validoAl: null });
    const nuova = await svc.as(ATTORI.udp)(pubblicaRequisiti, {
      validoDal: '2026-07-01',
      fonti: [{ parametro: 'provaLingua', fonte: 'Delibera Assemblea d’Ambito 7/2026', affidabilita: 'B' }],
      parametri: {
        ...attuali.parametri,
        provaLingua: { ...attuali.parametri.provaLingua, modiAmmessi: ['certificato-a2'] },
      },
    });
    expect(nuova).toMatchObject({ versione: 2, validoDal: '2026-07-01' });
    expect(await svc.as(ATTORI.udp)(leggiRequisiti, { giorno: '2026-06-30' })).toMatchObject({
      versione: 1,
      validoAl: '2026-06-30',
    });
    svc.oggi('2026-07-01');
    try {
      const c = await svc.as(ATTORI.casalmaggiore)(presentaCandidatura, candidaturaUe());
      expect(c.verifica).toMatchObject({ esito: 'non-idoneo', versioneRequisiti: 2, requisitiId: nuova.id });
      expect(c.verifica.requisiti.find((r) => r.codice === 'LINGUA_ITALIANA')?.esito).toBe('non-soddisfatto');
    } finally {
      svc.oggi('2026-06-15');
    }
    expect(
      await rifiuto(
        svc.as(ATTORI.casalmaggiore)(pubblicaRequisiti, {
          validoDal: '2026-08-01',
          fonti: nuova.fonti,
          parametri: nuova.parametri,
        }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(
      await rifiuto(
        svc.as(ATTORI.udp)(pubblicaRequisiti, {
          validoDal: '2026-06-01',
          fonti: nuova.fonti,
          parametri: nuova.parametri,
        }),
      ),
    ).toBe('REGOLE_SOVRAPPOSTE');
  });
});
