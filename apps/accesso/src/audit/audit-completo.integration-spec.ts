import { ACCESSO_RPC, type PersonaV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const {
  registraPersona,
  registraAccesso,
  leggiPersona,
  cercaPersone,
  leggiAccesso,
  elencaAccessi,
  elencaAudit,
} = ACCESSO_RPC;

interface Voce {
  azione: string;
  risorsa: string;
  esito: string;
  soggetto_id: string | null;
  motivo: string | null;
  finalita: string | null;
  criteri: Record<string, unknown> | null;
  codice_errore: string | null;
}

/** Issue 14, point 7: a purpose for every read, searches and audit reads on record, no row no answer. */
describe('complete audit of persone and accessi', () => {
  let svc: TestAccesso;
  let p: PersonaV1;
  let accessoId: string;

  beforeAll(async () => {
    svc = await startTestAccesso();
    p = await svc.as(ATTORI.operatoreCrema)(registraPersona, persona('RSSGNN45A01D142A', CREMA, 'Rossetti'));
    accessoId = (await svc.as(ATTORI.operatoreCrema)(registraAccesso, accesso(p.id))).id;
  });
  afterAll(() => svc?.close());

  const voci = (utente: string, filtro = 'TRUE') =>
    svc.sql<Voce>(
      `SELECT azione, risorsa, esito, soggetto_id, motivo, finalita, criteri, codice_errore
       FROM voce_audit WHERE utente = $1 AND ${filtro} ORDER BY il`,
      [utente],
    );

  it('refuses every read of personal data without a declared purpose, and reads nothing', async () => {
    const senza = svc.as(ATTORI.coordinatoreCrema, null, null);
    expect(await rifiuto(senza(leggiPersona, { id: p.id }))).toBe('FINALITA_MANCANTE');
    expect(await rifiuto(senza(cercaPersone, { cognome: 'Ross' }))).toBe('FINALITA_MANCANTE');
    expect(await rifiuto(senza(leggiAccesso, { id: accessoId }))).toBe('FINALITA_MANCANTE');
    expect(await rifiuto(senza(elencaAccessi, {}))).toBe('FINALITA_MANCANTE');
    expect(await rifiuto(svc.as(ATTORI.admin, null, null)(elencaAudit, {}))).toBe('FINALITA_MANCANTE');
    const errore = await svc
      .as(
        ATTORI.coordinatoreCrema,
        'x',
        'marketing',
      )(leggiPersona, { id: p.id })
      .catch((e: unknown) => e);
    expect(errore).toMatchObject({
      code: 'FINALITA_NON_VALIDA',
      details: expect.arrayContaining([
        { campo: 'finalita', messaggi: [expect.stringContaining('segretariato-sociale')] },
        { campo: 'motivo', messaggi: ['da 3 a 300 caratteri'] },
      ]),
    });
    expect(await voci('coordinatore.crema')).toEqual([]);
  });

  it('records the purpose code and text with each read', async () => {
    await svc.as(
      ATTORI.coordinatoreCrema,
      'colloquio del 3 marzo',
      'segretariato-sociale',
    )(leggiPersona, {
      id: p.id,
    });
    expect(await voci('coordinatore.crema')).toEqual([
      expect.objectContaining({
        azione: 'leggi',
        soggetto_id: p.id,
        motivo: 'colloquio del 3 marzo',
        finalita: 'segretariato-sociale',
      }),
    ]);
  });

  it('records a search with its criteria, names masked, even when it finds nobody', async () => {
    const nessuno = await svc.as(ATTORI.responsabileCrema)(cercaPersone, {
      cognome: 'Zanardelli',
      nome: 'Ugo',
    });
    expect(nessuno.totale).toBe(0);
    expect(await voci('responsabile.crema', `azione = 'cerca'`)).toEqual([
      expect.objectContaining({ soggetto_id: null, criteri: { cognome: '*', nome: '*' } }),
    ]);
    expect(JSON.stringify(await voci('responsabile.crema'))).not.toMatch(/Zanardelli|Ugo/);
  });

  it('records every read of the audit log, with its filters, and a refused one', async () => {
    const admin = svc.as(
      ATTORI.admin,
      'verifica del responsabile della protezione dei dati',
      'controllo-titolare',
    );
    const pagina = await admin(elencaAudit, { personaId: p.id, dal: '2020-01-01' });
    expect(pagina.totale).toBeGreaterThan(0);
    expect(pagina.elementi.some((v) => v.utente === 'admin')).toBe(false);
    expect(await voci('admin')).toEqual([
      expect.objectContaining({
        azione: 'elenca',
        risorsa: 'audit',
        esito: 'consentito',
        soggetto_id: p.id,
        finalita: 'controllo-titolare',
        criteri: { personaId: p.id, dal: '2020-01-01' },
      }),
    ]);
    expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(elencaAudit, { personaId: p.id }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await voci('operatore.crema', `risorsa = 'audit'`)).toEqual([
      expect.objectContaining({
        esito: 'negato',
        soggetto_id: p.id,
        codice_errore: 'OPERAZIONE_NON_CONSENTITA',
      }),
    ]);
  });

  describe('when the audit row cannot be written', () => {
    // Fault injected in PostgreSQL: every insert into voce_audit fails, as a full disk or a lost grant would.
    beforeAll(async () => {
      await svc.sql(`
        CREATE FUNCTION voce_audit_guasto() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'guasto simulato del registro di audit'; END $$`);
      await svc.sql(
        `CREATE TRIGGER voce_audit_guasto BEFORE INSERT ON voce_audit FOR EACH ROW EXECUTE FUNCTION voce_audit_guasto()`,
      );
    });
    afterAll(async () => {
      await svc.sql(`DROP TRIGGER voce_audit_guasto ON voce_audit`);
      await svc.sql(`DROP FUNCTION voce_audit_guasto()`);
    });

    it('fails reads, refused reads, searches, lists and audit reads instead of answering unrecorded', async () => {
      const operatore = svc.as(ATTORI.operatoreCrema);
      expect(await rifiuto(operatore(leggiPersona, { id: p.id }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(operatore(leggiAccesso, { id: accessoId }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(operatore(cercaPersone, { cognome: 'Nessuno' }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(operatore(elencaAccessi, { stato: 'chiuso' }))).toBe('ERRORE_INTERNO');
      // Refused by scope, by role: the failed audit, not the refusal, is the answer.
      expect(await rifiuto(svc.as(ATTORI.operatoreSoncino)(leggiPersona, { id: p.id }))).toBe(
        'ERRORE_INTERNO',
      );
      expect(await rifiuto(svc.as(ATTORI.udp)(leggiPersona, { id: p.id }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(svc.as(ATTORI.admin)(elencaAudit, {}))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(operatore(registraPersona, persona('VRDMRA50A41D142G')))).toBe('ERRORE_INTERNO');
      const [{ n }] = await svc.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM persona WHERE codice_fiscale = 'VRDMRA50A41D142G'`,
      );
      expect(n).toBe(0);
    });
  });
});
