import { PRESA_IN_CARICO_RPC, type CartellaV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';

const { aggiornaNucleo, elencaAudit, elencaCartelle, leggiCartella, leggiDiario } = PRESA_IN_CARICO_RPC;

interface Voce {
  utente: string;
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
describe('complete audit of the cartelle', () => {
  const scenario = scenarioCrema();
  const { caseManager, inCarico } = scenario;
  let c: CartellaV1;

  beforeAll(async () => {
    c = await inCarico();
  });

  const voci = (utente: string, filtro = 'TRUE') =>
    scenario.svc.sql<Voce>(
      `SELECT utente, azione, risorsa, esito, soggetto_id, motivo, finalita, criteri, codice_errore
       FROM voce_audit WHERE utente = $1 AND ${filtro} ORDER BY il`,
      [utente],
    );

  it('refuses every read of a cartella without a declared purpose, before reading anything', async () => {
    const senza = scenario.svc.as(ATTORI.asCrema, null, null);
    for (const [subject, richiesta] of [
      [leggiCartella, { id: c.id }],
      [leggiDiario, { id: c.id }],
      [elencaCartelle, {}],
    ] as const)
      expect(await rifiuto(senza(subject as typeof leggiCartella, richiesta as { id: string }))).toBe(
        'FINALITA_MANCANTE',
      );
    // A text without a code, an unknown code, a control character: refused as well.
    expect(
      await rifiuto(scenario.svc.as(ATTORI.asCrema, 'verifica', null)(leggiCartella, { id: c.id })),
    ).toBe('FINALITA_MANCANTE');
    expect(
      await rifiuto(scenario.svc.as(ATTORI.asCrema, 'verifica', 'curiosita')(leggiCartella, { id: c.id })),
    ).toBe('FINALITA_NON_VALIDA');
    expect(await rifiuto(scenario.svc.as(ATTORI.asCrema, '\u0000')(leggiCartella, { id: c.id }))).toBe(
      'FINALITA_NON_VALIDA',
    );
    expect(await voci('as.crema', `esito = 'consentito' AND azione IN ('leggi', 'leggi-diario')`)).toEqual(
      [],
    );
    // Writes declare no purpose: the case manager still works the case.
    expect(
      (await scenario.svc.as(ATTORI.asCrema, null, null)(aggiornaNucleo, { id: c.id, membri: [] })).id,
    ).toBe(c.id);
  });

  it('records the purpose code and text of each read', async () => {
    await scenario.svc.as(
      ATTORI.asCrema,
      'preparazione della verifica',
      'presa-in-carico',
    )(leggiCartella, {
      id: c.id,
    });
    expect(await voci('as.crema', `azione = 'leggi' AND esito = 'consentito'`)).toEqual([
      expect.objectContaining({
        soggetto_id: c.id,
        motivo: 'preparazione della verifica',
        finalita: 'presa-in-carico',
      }),
    ]);
  });

  it('records a list with its criteria even when it finds nothing, without personal values', async () => {
    const vuota = await scenario.svc.as(ATTORI.asCastelleone)(elencaCartelle, {
      stato: 'chiusa',
      comune: '019025',
      perPagina: 5,
    });
    expect(vuota.totale).toBe(0);
    expect(await voci('as.castelleone', `azione = 'elenca'`)).toEqual([
      expect.objectContaining({
        risorsa: 'cartella',
        esito: 'consentito',
        soggetto_id: null,
        criteri: { stato: 'chiusa', comune: '019025', perPagina: 5 },
        finalita: 'presa-in-carico',
      }),
    ]);
  });

  it('records every read of the audit log, with its filters, and its refusals', async () => {
    const admin = scenario.svc.as(
      ATTORI.admin,
      'richiesta di accesso dell’interessato',
      'richiesta-interessato',
    );
    const pagina = await admin(elencaAudit, { cartellaId: c.id, esito: 'consentito' });
    expect(pagina.elementi.length).toBeGreaterThan(0);
    // The page does not show its own read; the next one does.
    expect(pagina.elementi.some((v) => v.utente === 'admin')).toBe(false);
    const seconda = await admin(elencaAudit, { cartellaId: c.id, utente: 'admin' });
    expect(seconda.elementi).toEqual([
      expect.objectContaining({
        utente: 'admin',
        azione: 'elenca',
        risorsa: 'audit',
        finalita: 'richiesta-interessato',
        criteri: { cartellaId: c.id, esito: 'consentito' },
      }),
    ]);
    // Refused by role (RpcServer) and without a purpose: the first on record, neither answered.
    expect(await rifiuto(scenario.svc.as(ATTORI.coordinatoreCrema)(elencaAudit, { cartellaId: c.id }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(scenario.svc.as(ATTORI.admin, null, null)(elencaAudit, {}))).toBe(
      'FINALITA_MANCANTE',
    );
    expect(await voci('coordinatore.crema', `risorsa = 'audit'`)).toEqual([
      expect.objectContaining({
        esito: 'negato',
        soggetto_id: c.id,
        codice_errore: 'OPERAZIONE_NON_CONSENTITA',
      }),
    ]);
  });

  describe('when the audit row cannot be written', () => {
    // Fault injected in PostgreSQL: every insert into voce_audit fails, as a full disk or a lost grant would.
    beforeAll(async () => {
      await scenario.svc.sql(`
        CREATE FUNCTION voce_audit_guasto() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'guasto simulato del registro di audit'; END $$`);
      await scenario.svc.sql(
        `CREATE TRIGGER voce_audit_guasto BEFORE INSERT ON voce_audit FOR EACH ROW EXECUTE FUNCTION voce_audit_guasto()`,
      );
    });
    afterAll(async () => {
      await scenario.svc.sql(`DROP TRIGGER voce_audit_guasto ON voce_audit`);
      await scenario.svc.sql(`DROP FUNCTION voce_audit_guasto()`);
    });

    it('fails allowed reads, refused reads, lists and audit reads instead of answering unrecorded', async () => {
      expect(await rifiuto(caseManager()(leggiCartella, { id: c.id }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(caseManager()(elencaCartelle, {}))).toBe('ERRORE_INTERNO');
      // A refusal by scope and one by role: not their own error, the failed audit.
      expect(await rifiuto(scenario.svc.as(ATTORI.asCastelleone)(leggiCartella, { id: c.id }))).toBe(
        'ERRORE_INTERNO',
      );
      expect(await rifiuto(scenario.svc.as(ATTORI.udp)(leggiCartella, { id: c.id }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(scenario.svc.as(ATTORI.admin)(elencaAudit, {}))).toBe('ERRORE_INTERNO');
    });

    it('fails a write, refused or not, and writes nothing', async () => {
      const membri = [
        { cognome: 'Verdi', nome: 'Rosa', relazione: 'coniuge' as const, convivente: true, caregiver: true },
      ];
      expect(await rifiuto(caseManager()(aggiornaNucleo, { id: c.id, membri }))).toBe('ERRORE_INTERNO');
      expect(await rifiuto(scenario.svc.as(ATTORI.asCastelleone)(aggiornaNucleo, { id: c.id, membri }))).toBe(
        'ERRORE_INTERNO',
      );
      const [{ n }] = await scenario.svc.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM membro_nucleo WHERE cartella_id = $1`,
        [c.id],
      );
      expect(n).toBe(0);
    });
  });

  it('with a NUL byte in the motivo of a refused write (issue 14), fails instead of passing unrecorded', async () => {
    expect(
      await rifiuto(
        scenario.svc.as(ATTORI.asCastelleone, '\u0000')(aggiornaNucleo, { id: c.id, membri: [] }),
      ),
    ).toBe('ERRORE_INTERNO');
  });
});
