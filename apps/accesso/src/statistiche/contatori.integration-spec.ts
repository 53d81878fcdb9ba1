import { ACCESSO_RPC } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const { registraPersona, registraAccesso, contatoriAccessi, elencaAudit } = ACCESSO_RPC;

describe('counters for the Ufficio di Piano, and the audit log', () => {
  let svc: TestAccesso;

  beforeAll(async () => {
    svc = await startTestAccesso();
    const crema = await svc.as(ATTORI.operatoreCrema)(registraPersona, persona('RSSMRA50A41D142K', CREMA));
    const pandino = await svc.as(ATTORI.operatoreCrema)(
      registraPersona,
      persona('MNTLRA65P45G306C', PANDINO),
    );
    const registra = (
      actor: typeof ATTORI.operatoreCrema,
      personaId: string,
      sede: string,
      dataOra: string,
      area = 'anziani',
    ) =>
      svc.as(actor)(registraAccesso, {
        ...accesso(personaId, sede),
        dataOra,
        areaBisogno: area as 'anziani',
      });
    // 23:30 UTC on 28 February is 00:30 on 1 March in Italy: it counts in March.
    await registra(ATTORI.operatoreCrema, crema.id, 'SEDE-CREMA-HUB', '2026-02-28T23:30:00Z');
    await registra(ATTORI.operatoreCrema, crema.id, 'SEDE-CREMA-HUB', '2026-02-10T10:00:00Z');
    await registra(ATTORI.operatoreCrema, crema.id, 'SEDE-CREMA-HUB', '2026-02-11T10:00:00Z', 'abitare');
    const pandinoOp = { ...ATTORI.operatoreCrema, userId: 'operatore.pandino', subAmbiti: ['SA-PANDINO'] };
    await registra(pandinoOp, pandino.id, 'SEDE-PANDINO-HUB', '2026-02-12T10:00:00Z');
  });
  afterAll(() => svc?.close());

  // A coordinator of both sub-ambiti sees them in full: every cell, however small, also by day. The
  // Ufficio di Piano's view of the whole ambito is in riservatezza.integration-spec.ts.
  const coordinatore = testActor('coordinatore.due', ['coordinatore-sub-ambito'], ['SA-CREMA', 'SA-PANDINO']);

  it('counts by month, area di bisogno and comune, in Italian local time', async () => {
    const mensili = await svc.as(coordinatore)(contatoriAccessi, {
      dal: '2026-02-01',
      al: '2026-03-31',
      granularita: 'mese',
    });
    expect(mensili.righe).toEqual([
      { periodo: '2026-02', areaBisogno: 'abitare', comune: CREMA, totale: 1 },
      { periodo: '2026-02', areaBisogno: 'anziani', comune: CREMA, totale: 1 },
      { periodo: '2026-02', areaBisogno: 'anziani', comune: PANDINO, totale: 1 },
      { periodo: '2026-03', areaBisogno: 'anziani', comune: CREMA, totale: 1 },
    ]);
    expect(mensili.totale).toBe(4);
    expect(mensili).toMatchObject({ celleOmesse: 0, sogliaPersone: null });
    const giorno = await svc.as(coordinatore)(contatoriAccessi, {
      dal: '2026-03-01',
      al: '2026-03-01',
      granularita: 'giorno',
    });
    expect(giorno.righe).toEqual([
      { periodo: '2026-03-01', areaBisogno: 'anziani', comune: CREMA, totale: 1 },
    ]);
  });

  it('limits the figures to one’s own territory below the Ufficio di Piano', async () => {
    const periodo = { dal: '2026-01-01', al: '2026-12-31', granularita: 'mese' as const };
    expect((await svc.as(ATTORI.coordinatoreCrema)(contatoriAccessi, periodo)).totale).toBe(3);
    expect((await svc.as(ATTORI.responsabilePandino)(contatoriAccessi, periodo)).totale).toBe(1);
    // The Ufficio di Piano filters the whole ambito, but a cell of one person is not shown to it.
    expect(await svc.as(ATTORI.udp)(contatoriAccessi, { ...periodo, comune: PANDINO })).toMatchObject({
      righe: [],
      totale: 0,
      celleOmesse: 1,
      sogliaPersone: 5,
    });
    expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(contatoriAccessi, periodo))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(svc.as(ATTORI.udp)(contatoriAccessi, { ...periodo, dal: '2026-02-30' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(
      await rifiuto(svc.as(ATTORI.udp)(contatoriAccessi, { ...periodo, granularita: 'anno' as 'mese' })),
    ).toBe('VALIDAZIONE_FALLITA');
  });

  it('keeps the audit log append-only, readable by the administrator alone', async () => {
    await expect(svc.sql(`UPDATE voce_audit SET utente = 'nessuno'`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`DELETE FROM voce_audit`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`TRUNCATE voce_audit`)).rejects.toThrow(/non si modifica/);
    const voci = await svc.as(ATTORI.admin)(elencaAudit, { utente: 'operatore.crema' });
    expect(voci.totale).toBeGreaterThanOrEqual(5);
    expect(voci.elementi.every((v) => v.utente === 'operatore.crema' && v.esito === 'consentito')).toBe(true);
    expect(await rifiuto(svc.as(ATTORI.udp)(elencaAudit, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
  });
});
