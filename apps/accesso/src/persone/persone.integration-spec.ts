import { ACCESSO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const { registraPersona, leggiPersona, cercaPersone, aggiornaPersona, registraDecesso } = ACCESSO_RPC;

describe('persone (NATS → accesso → PostgreSQL)', () => {
  let svc: TestAccesso;
  const operatore = () => svc.as(ATTORI.operatoreCrema, 'colloquio di segretariato');

  beforeAll(async () => {
    svc = await startTestAccesso();
  });
  afterAll(() => svc?.close());

  const conta = async (cf: string) =>
    Number(
      (await svc.sql<{ n: string }>('SELECT count(*) AS n FROM persona WHERE codice_fiscale = $1', [cf]))[0]
        .n,
    );

  it('registers a persona with the codice fiscale normalised, and audits who did it and why', async () => {
    const p = await operatore()(registraPersona, persona('rssmra50a41d142k'));
    expect(p).toMatchObject({
      codiceFiscale: 'RSSMRA50A41D142K',
      comuneResidenza: CREMA,
      recapiti: { telefono: null },
    });
    const [voce] = await svc.sql('SELECT * FROM voce_audit WHERE soggetto_id = $1', [p.id]);
    expect(voce).toMatchObject({
      utente: 'operatore.crema',
      azione: 'registra',
      esito: 'consentito',
      motivo: 'colloquio di segretariato',
      soggetto_tipo: 'persona',
    });
  });

  it('accepts an 11-digit numeric codice fiscale with a valid check digit', async () => {
    const p = await operatore()(registraPersona, persona('01234567897'));
    expect(p.codiceFiscale).toBe('01234567897');
    expect(await rifiuto(operatore()(registraPersona, persona('01234567890')))).toBe(
      'CODICE_FISCALE_NON_VALIDO',
    );
  });

  it.each([
    ['wrong check character', persona('BNCLRA45B52D142A'), 'CODICE_FISCALE_NON_VALIDO'],
    ['impossible birth day in the code', persona('BNCLRA45B72D142V'), 'CODICE_FISCALE_NON_VALIDO'],
    [
      'residence outside the ambito and no domicile in it',
      persona('BNCLRA45B52D142V', '015146'),
      'PERSONA_FUORI_AMBITO',
    ],
    [
      'birth date in the future',
      { ...persona('BNCLRA45B52D142V'), dataNascita: '2999-01-01' },
      'DATA_NON_VALIDA',
    ],
    [
      'birth date that does not exist (refused by the contract)',
      { ...persona('BNCLRA45B52D142V'), dataNascita: '1945-02-30' },
      'VALIDAZIONE_FALLITA',
    ],
    [
      'missing cognome',
      { ...persona('BNCLRA45B52D142V'), cognome: undefined as unknown as string },
      'VALIDAZIONE_FALLITA',
    ],
    ['unknown field', { ...persona('BNCLRA45B52D142V'), ruolo: 'admin' }, 'VALIDAZIONE_FALLITA'],
    ['wrong type', { ...persona('BNCLRA45B52D142V'), sesso: 1 as unknown as 'F' }, 'VALIDAZIONE_FALLITA'],
  ])('refuses %s and writes nothing', async (_, dto, code) => {
    expect(await rifiuto(operatore()(registraPersona, dto))).toBe(code);
    expect(await conta('BNCLRA45B52D142V')).toBe(0);
    expect(await conta('BNCLRA45B52D142A')).toBe(0);
  });

  it('keeps one persona per codice fiscale, also under concurrent registrations', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => operatore()(registraPersona, persona('VRDGPP40C10G306Y', PANDINO))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code: string }).code] : [],
    );
    expect(codes).toEqual(Array(11).fill('PERSONA_GIA_REGISTRATA'));
    expect(await conta('VRDGPP40C10G306Y')).toBe(1);
  });

  it('shows persone only within one’s territory, by name or by codice fiscale', async () => {
    const crema = await operatore()(registraPersona, persona('GLLMRC60E15D142Y', CREMA, 'Galletti'));
    const soncino = svc.as(ATTORI.operatoreSoncino);
    expect((await soncino(cercaPersone, { cognome: 'Gall' })).totale).toBe(0);
    expect(await rifiuto(soncino(leggiPersona, { id: crema.id }))).toBe('PERSONA_NON_TROVATA');

    expect((await svc.as(ATTORI.coordinatoreCrema)(cercaPersone, { cognome: 'gall' })).totale).toBe(1);
    expect(
      (await svc.as(ATTORI.coordinatoreCrema)(cercaPersone, { codiceFiscale: 'GLLMRC60E15D142Y' })).elementi,
    ).toEqual([expect.objectContaining({ id: crema.id, cognome: 'Galletti' })]);
    expect((await svc.as(ATTORI.responsabileCrema)(leggiPersona, { id: crema.id })).id).toBe(crema.id);
    expect(await rifiuto(svc.as(ATTORI.responsabilePandino)(leggiPersona, { id: crema.id }))).toBe(
      'PERSONA_NON_TROVATA',
    );
    expect(await rifiuto(svc.as(ATTORI.udp)(cercaPersone, { cognome: 'Gall' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(
      await rifiuto(svc.as(ATTORI.responsabileCrema)(registraPersona, persona('FRRGLI70H50D142E'))),
    ).toBe('OPERAZIONE_NON_CONSENTITA');

    const negati = await svc.sql<{ utente: string; azione: string }>(
      `SELECT utente, azione FROM voce_audit WHERE esito = 'negato' ORDER BY il`,
    );
    expect(negati).toEqual(
      expect.arrayContaining([
        { utente: 'operatore.soncino', azione: 'leggi' },
        { utente: 'responsabile.pandino', azione: 'leggi' },
        { utente: 'udp', azione: 'cerca' },
        { utente: 'responsabile.crema', azione: 'registra' },
      ]),
    );
    const lette = await svc.sql(`SELECT 1 FROM voce_audit WHERE soggetto_id = $1 AND azione = 'cerca'`, [
      crema.id,
    ]);
    expect(lette.length).toBe(2); // the coordinatore, by name and by codice fiscale
  });

  it('answers a complete codice fiscale outside one’s territory only with whether the person exists, with a purpose, audited', async () => {
    // Issue 14, finding: a full codice fiscale search returned the whole persona to any sub-ambito.
    const crema = await operatore()(registraPersona, persona('CSTLCU55M10D142T', CREMA, 'Castelli'));
    const soncino = svc.as(ATTORI.operatoreSoncino, 'verifica prima della registrazione');
    const risposta = await soncino(cercaPersone, { codiceFiscale: 'cstlcu55m10d142t' });
    expect(risposta).toEqual({ elementi: [], totale: 0, pagina: 1, perPagina: 20, esisteFuoriAmbito: true });
    expect(JSON.stringify(risposta)).not.toMatch(/Castelli|CSTLCU|1950|019035/);
    // Somebody registered nowhere: the desk may register them.
    expect((await soncino(cercaPersone, { codiceFiscale: 'NSSNSS80A01D142V' })).esisteFuoriAmbito).toBe(
      false,
    );
    // Not for a prefix, not for other roles.
    expect((await soncino(cercaPersone, { codiceFiscale: 'CSTLCU55' })).esisteFuoriAmbito).toBeUndefined();
    expect(
      (await svc.as(ATTORI.responsabilePandino)(cercaPersone, { codiceFiscale: 'CSTLCU55M10D142T' }))
        .esisteFuoriAmbito,
    ).toBeUndefined();
    // A purpose is required, and the existence check is on record, without the codice fiscale.
    expect(
      await rifiuto(
        svc.as(ATTORI.operatoreSoncino, null, null)(cercaPersone, { codiceFiscale: 'CSTLCU55M10D142T' }),
      ),
    ).toBe('FINALITA_MANCANTE');
    const voci = await svc.sql<{
      azione: string;
      soggetto_id: string | null;
      criteri: unknown;
      motivo: string;
      finalita: string;
    }>(
      `SELECT azione, soggetto_id, criteri, motivo, finalita FROM voce_audit
       WHERE utente = 'operatore.soncino' AND (soggetto_id = $1 OR criteri ? 'codiceFiscale') ORDER BY il`,
      [crema.id],
    );
    expect(voci.slice(0, 2)).toEqual([
      {
        azione: 'cerca',
        soggetto_id: null,
        criteri: { codiceFiscale: '*' },
        motivo: 'verifica prima della registrazione',
        finalita: 'segretariato-sociale',
      },
      {
        azione: 'verifica-esistenza',
        soggetto_id: crema.id,
        criteri: null,
        motivo: 'verifica prima della registrazione',
        finalita: 'segretariato-sociale',
      },
    ]);
    expect(JSON.stringify(voci)).not.toMatch(/CSTLCU|NSSNSS/);
  });

  it('treats LIKE wildcards in a search as text', async () => {
    expect((await svc.as(ATTORI.coordinatoreCrema)(cercaPersone, { cognome: '%%' })).totale).toBe(0);
  });
});

describe('persone: registry data for SIUSS and the regional measures', () => {
  let svc: TestAccesso;
  const operatore = () => svc.as(ATTORI.operatoreCrema, 'colloquio di segretariato');

  beforeAll(async () => {
    svc = await startTestAccesso();
  });
  afterAll(() => svc?.close());

  it('keeps the SIUSS citizenship code, the Lombardy residence date and a domicile distinct from residence', async () => {
    const p = await operatore()(registraPersona, {
      ...persona('VRDNNA48C52L826Q'),
      dataNascita: '1948-03-12',
      luogoNascita: 'L826',
      cittadinanzaIstat: '380',
      residenteInLombardiaDal: '1970-05-01',
      comuneDomicilio: PANDINO,
      indirizzoDomicilio: ' Via Umberto I, 1 ',
    });
    expect(p).toMatchObject({
      comuneResidenza: CREMA,
      cittadinanzaIstat: '380',
      residenteInLombardiaDal: '1970-05-01',
      comuneDomicilio: PANDINO,
      indirizzoDomicilio: 'Via Umberto I, 1',
    });
    expect(await operatore()(leggiPersona, { id: p.id })).toMatchObject({
      cittadinanzaIstat: '380',
      comuneDomicilio: PANDINO,
    });
    const [riga] = await svc.sql(
      'SELECT cittadinanza_istat, residente_lombardia_dal::text AS dal, comune_domicilio FROM persona WHERE id = $1',
      [p.id],
    );
    expect(riga).toEqual({ cittadinanza_istat: '380', dal: '1970-05-01', comune_domicilio: PANDINO });
    const senza = await operatore()(registraPersona, persona('RSSMRA50A41D142K'));
    expect(senza).toMatchObject({
      cittadinanzaIstat: null,
      residenteInLombardiaDal: null,
      comuneDomicilio: null,
    });
  });

  it.each([
    ['a 2-digit SIUSS citizenship', { cittadinanzaIstat: '10' }, 'VALIDAZIONE_FALLITA'],
    ['a Lombardy residence before birth', { residenteInLombardiaDal: '1940-01-01' }, 'DATA_NON_VALIDA'],
    ['a Lombardy residence in the future', { residenteInLombardiaDal: '2999-01-01' }, 'DATA_NON_VALIDA'],
    ['a malformed domicile comune', { comuneDomicilio: 'Crema' }, 'VALIDAZIONE_FALLITA'],
  ])('refuses %s', async (_, extra, code) => {
    expect(await rifiuto(operatore()(registraPersona, { ...persona('BNCLRA45B52D142V'), ...extra }))).toBe(
      code,
    );
  });
});

describe('persone: update and death, audited and published', () => {
  let svc: TestAccesso;
  const operatore = () => svc.as(ATTORI.operatoreCrema, 'aggiornamento anagrafica');
  const eventi = (type: string, personaId: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message WHERE type = $1 AND envelope->'payload'->>'personaId' = $2`,
      [type, personaId],
    );

  beforeAll(async () => {
    svc = await startTestAccesso();
  });
  afterAll(() => svc?.close());

  it('updates only the given fields, audits it and publishes accesso.persona.aggiornata without values', async () => {
    const p = await operatore()(registraPersona, persona('RSSMRA50A41D142K'));
    const aggiornata = await operatore()(aggiornaPersona, {
      id: p.id,
      comuneDomicilio: PANDINO,
      cittadinanzaIstat: '380',
    });
    expect(aggiornata).toMatchObject({
      comuneResidenza: CREMA,
      comuneDomicilio: PANDINO,
      cittadinanzaIstat: '380',
      codiceFiscale: 'RSSMRA50A41D142K',
    });
    expect(await eventi('accesso.persona.aggiornata', p.id)).toEqual([
      { payload: { personaId: p.id, campi: ['cittadinanzaIstat', 'comuneDomicilio'] } },
    ]);
    const [voce] = await svc.sql(`SELECT * FROM voce_audit WHERE soggetto_id = $1 AND azione = 'aggiorna'`, [
      p.id,
    ]);
    expect(voce).toMatchObject({
      utente: 'operatore.crema',
      esito: 'consentito',
      motivo: 'aggiornamento anagrafica',
    });
    expect(await rifiuto(operatore()(aggiornaPersona, { id: p.id }))).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(operatore()(aggiornaPersona, { id: p.id, comuneResidenza: 'Milano' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await rifiuto(operatore()(aggiornaPersona, { id: p.id, codiceFiscale: 'X' } as never))).toBe(
      'VALIDAZIONE_FALLITA',
    );
  });

  it('refuses an operator of another sub-ambito, with an audit trace', async () => {
    const p = await operatore()(registraPersona, persona('VRDNNA48C52L826Q'));
    expect(
      await rifiuto(svc.as(ATTORI.operatoreSoncino)(aggiornaPersona, { id: p.id, cittadinanzaIstat: '380' })),
    ).toBe('PERSONA_NON_TROVATA');
    const [voce] = await svc.sql(
      `SELECT esito FROM voce_audit WHERE soggetto_id = $1 AND utente = 'operatore.soncino'`,
      [p.id],
    );
    expect(voce).toEqual({ esito: 'negato' });
    expect(await eventi('accesso.persona.aggiornata', p.id)).toEqual([]);
  });

  it('registers the death once and publishes accesso.persona.deceduta', async () => {
    const p = await operatore()(registraPersona, persona('BNCLRA45B52D142V'));
    expect(await rifiuto(operatore()(registraDecesso, { id: p.id, dataDecesso: '1949-01-01' }))).toBe(
      'DATA_NON_VALIDA',
    );
    const deceduta = await operatore()(registraDecesso, { id: p.id, dataDecesso: '2025-03-01' });
    expect(deceduta.dataDecesso).toBe('2025-03-01');
    expect(await eventi('accesso.persona.deceduta', p.id)).toEqual([
      { payload: { personaId: p.id, dataDecesso: '2025-03-01' } },
    ]);
    expect(await rifiuto(operatore()(registraDecesso, { id: p.id, dataDecesso: '2025-03-02' }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    expect((await operatore()(leggiPersona, { id: p.id })).dataDecesso).toBe('2025-03-01');
  });
});
