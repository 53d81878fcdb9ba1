import { MISURE_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { IstruttoriaAvvisoService } from './istruttoria-avviso.service';
import { avvisoPubblicato, istanza, persona } from '../../test/istanze-di-prova';

const { presentaIstanza, chiudiAvviso, istruisciAvviso, leggiIstruttoriaAvviso } = MISURE_RPC;

/**
 * Issue 9, point 11: the istruttoria of a whole avviso, in pages of 3 (ISTRUTTORIA_AVVISO_PAGINA) so that
 * 8 istanze take three pages and a failure can stop the run in the middle.
 */
describe('istruttoria of a whole avviso (misure.avviso.istruisci)', () => {
  let svc: TestMisure;

  beforeAll(async () => {
    svc = await startTestMisure({ env: { ISTRUTTORIA_AVVISO_PAGINA: '3' } });
  });
  afterAll(async () => {
    await svc?.close();
  });

  /** A closed avviso with `quante` istanze presented through the request (ISEE 5,000 € + 1,000 € each). */
  async function avvisoChiuso(quante: number): Promise<{ avvisoId: string; istanze: string[] }> {
    const avvisoId = await avvisoPubblicato(svc);
    const istanze: string[] = [];
    for (let i = 0; i < quante; i++) {
      const presentata = await svc.as(ATTORI.operatore)(
        presentaIstanza,
        istanza(avvisoId, persona(svc), {}, { iseeEuro: 5_000 + 1_000 * i }),
      );
      istanze.push(presentata.id);
    }
    await svc.as(ATTORI.udp)(chiudiAvviso, { id: avvisoId });
    // In id order: the pages' order.
    return { avvisoId, istanze: [...istanze].sort() };
  }

  const storia = (istanzaId: string) =>
    svc.sql<{ numero: number; causa: string; esito: string; istruita_da: string }>(
      `SELECT numero, causa, esito, istruita_da FROM istruttoria WHERE istanza_id = $1 ORDER BY numero`,
      [istanzaId],
    );

  it('is refused before the close and to whoever is not the Ufficio di Piano', async () => {
    const avvisoId = await avvisoPubblicato(svc);
    expect(await rifiuto(svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'prova' }))).toBe(
      'AVVISO_NON_CHIUSO',
    );
    await svc.as(ATTORI.udp)(chiudiAvviso, { id: avvisoId });
    for (const actor of [ATTORI.operatore, ATTORI.asCrema, ATTORI.responsabileCrema, ATTORI.admin])
      expect(await rifiuto(svc.as(actor)(istruisciAvviso, { avvisoId, motivo: 'prova' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    expect(await rifiuto(svc.as(ATTORI.udp)(leggiIstruttoriaAvviso, { avvisoId }))).toBe(
      'RISORSA_NON_TROVATA',
    );
    const [{ n }] = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM istruttoria_avviso`);
    expect(n).toBe('0');
  });

  it('judges every istanza again, page by page, from its declarations and its last snapshot', async () => {
    const { avvisoId, istanze } = await avvisoChiuso(8);
    // A declaration changed (after the close, e.g. corrected by the office): ISEE over the threshold.
    await svc.sql(
      `UPDATE istanza SET dati = jsonb_set(dati, '{isee,0,valoreCentesimi}', '9000000') WHERE id = $1`,
      [istanze[4]],
    );
    // The sources said it at presentation: the snapshot's birth date is the one judged, not accesso's today.
    svc.fonti.persone.clear();

    const fatta = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'chiusura della finestra' });
    expect(fatta).toMatchObject({
      avvisoId,
      stato: 'completata',
      istanzeTotali: 8,
      istanzeIstruite: 8,
      esitiCambiati: 1,
      avviataDa: 'udp',
      ultimoErrore: null,
    });
    for (const id of istanze) {
      const righe = await storia(id);
      expect(righe.map((r) => [r.numero, r.causa])).toEqual([
        [1, 'presentazione'],
        [2, 'istruttoria-avviso: chiusura della finestra'],
      ]);
    }
    const esiti = await svc.sql<{ id: string; esito: string }>(
      `SELECT id, esito FROM istanza WHERE avviso_id = $1 ORDER BY id`,
      [avvisoId],
    );
    expect(esiti.map((e) => e.esito)).toEqual(
      istanze.map((id) => (id === istanze[4] ? 'non-ammissibile' : 'ammissibile')),
    );
    // Events only for the changed outcome.
    const eventi = await svc.sql<{ type: string; istanza: string }>(
      `SELECT o.type, o.envelope->'payload'->>'istanzaId' AS istanza FROM outbox_message o
         JOIN istruttoria s ON s.id::text = o.envelope->'payload'->>'istruttoriaId'
        WHERE s.causa LIKE 'istruttoria-avviso:%' AND s.istanza_id = ANY($1::uuid[]) ORDER BY o.type`,
      [istanze],
    );
    expect(eventi).toEqual([
      { type: 'misure.istanza.esclusa', istanza: istanze[4] },
      { type: 'misure.istanza.istruita', istanza: istanze[4] },
    ]);

    // A finished run on unchanged data: a new run, every istanza judged again, no outcome changed.
    const di_nuovo = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'verifica' });
    expect(di_nuovo).toMatchObject({ stato: 'completata', istanzeIstruite: 8, esitiCambiati: 0 });
    expect(di_nuovo.id).not.toBe(fatta.id);
    expect((await storia(istanze[0])).map((r) => r.numero)).toEqual([1, 2, 3]);
    expect(await svc.as(ATTORI.udp)(leggiIstruttoriaAvviso, { avvisoId })).toEqual(di_nuovo);
  });

  it('uses the ISEE verified at INPS when one is recorded, and flags where it differs from the declared', async () => {
    // Declared ISEE sociosanitario between 5,000 € and 8,000 €, one DSU (istanze-di-prova).
    const { avvisoId, istanze } = await avvisoChiuso(4);
    const dichiarato = async (istanzaId: string) =>
      (
        await svc.sql<{ valore: string; protocollo: string }>(
          `SELECT dati->'isee'->0->>'valoreCentesimi' AS valore, dati->'isee'->0->>'protocolloDsu' AS protocollo
             FROM istanza WHERE id = $1`,
          [istanzaId],
        )
      )[0];
    const { protocollo } = await dichiarato(istanze[0]);
    /** A consultation recorded as integrazioni.isee.acquisito records it (centesimi null: as declared). */
    const verificato = (istanzaId: string, centesimi: number | null, acquisito: string) =>
      svc.sql(
        `INSERT INTO isee_verificato (consultazione_id, istanza_id, tipo, esito, valore_centesimi, protocollo_dsu,
                                      data_presentazione, acquisito_il)
         SELECT gen_random_uuid(), $1, 'sociosanitario', 'verificato',
                coalesce($2::bigint, (dati->'isee'->0->>'valoreCentesimi')::bigint), $3,
                (dati->'isee'->0->>'dataPresentazione')::date, $4
           FROM istanza WHERE id = $1`,
        [istanzaId, centesimi, protocollo, acquisito],
      );
    // Istanza 2: INPS says 90,000 € (over the threshold); an older consultation said as declared: the latest counts.
    await verificato(istanze[1], null, '2020-01-01T10:00:00Z');
    await verificato(istanze[1], 9_000_000, '2020-01-02T10:00:00Z');
    // Istanza 3: INPS says what was declared.
    await verificato(istanze[2], null, '2020-01-02T10:00:00Z');

    const fatta = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'verifica ISEE' });
    expect(fatta).toMatchObject({ stato: 'completata', istanzeIstruite: 4, esitiCambiati: 1 });

    const ultima = async (istanzaId: string) => {
      const [r] = await svc.sql<{
        esito: string;
        input: { dati: { isee: Array<{ valoreCentesimi: number }> }; iseeVerificati?: unknown[] };
        valutazione: {
          regole: Array<{ codice: string; esito: string; motivo: string }>;
          chiavi: { iseeCentesimi: number | null };
        };
      }>(
        `SELECT esito, input, valutazione FROM istruttoria WHERE istanza_id = $1 AND causa LIKE 'istruttoria-avviso:%'`,
        [istanzaId],
      );
      return { ...r, verifica: r.valutazione.regole.find((x) => x.codice === 'ISEE_VERIFICA_INPS') };
    };
    // The verified value judged (threshold, ranking) and recorded in the input; the difference flagged.
    const diversa = await ultima(istanze[1]);
    expect(diversa.esito).toBe('non-ammissibile');
    expect(diversa.input.iseeVerificati).toEqual([
      expect.objectContaining({ esito: 'verificato', valoreCentesimi: 9_000_000, protocolloDsu: protocollo }),
    ]);
    // The input keeps the declaration as it was: both values stay readable.
    expect(diversa.input.dati.isee[0].valoreCentesimi).toBe(Number((await dichiarato(istanze[1])).valore));
    expect(diversa.valutazione.chiavi.iseeCentesimi).toBe(9_000_000);
    expect(diversa.verifica).toMatchObject({ esito: 'da-verificare' });
    expect(diversa.verifica!.motivo).toMatch(/diverso dal dichiarato.*usa il valore verificato/);
    expect(diversa.valutazione.regole.find((x) => x.codice === 'ISEE_SOGLIA')).toMatchObject({
      esito: 'non-soddisfatta',
    });
    // As declared: confirmed, outcome unchanged.
    const uguale = await ultima(istanze[2]);
    expect(uguale.esito).toBe('ammissibile');
    expect(uguale.verifica).toMatchObject({ esito: 'soddisfatta' });
    expect(uguale.verifica!.motivo).toMatch(/come dichiarato/);
    // Never consulted: nothing verified in the input, no such rule.
    const senza = await ultima(istanze[0]);
    expect(senza.input.iseeVerificati).toBeUndefined();
    expect(senza.verifica).toBeUndefined();
    // The changed outcome is news, as any other.
    const [{ n }] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_message WHERE type = 'misure.istanza.esclusa'
          AND envelope->'payload'->>'istanzaId' = $1`,
      [istanze[1]],
    );
    expect(n).toBe('1');
  });

  it('judges again, under the page’s locks, an istanza that changed after the page was read ahead', async () => {
    const { avvisoId, istanze } = await avvisoChiuso(6);
    // Page 2 (istanze 3-5) is read and judged while page 1 is written; right after that read, a riesame
    // of istanza 4 commits a newer snapshot (here: in SQL, a second istruttoria born 1950).
    const servizio = svc.app.get(IstruttoriaAvvisoService) as unknown as {
      preparaPagina: (...args: unknown[]) => Promise<unknown>;
    };
    const originale = servizio.preparaPagina.bind(servizio);
    const spia = jest.spyOn(servizio, 'preparaPagina').mockImplementation(async (...args: unknown[]) => {
      const pagina = await originale(...args);
      if (args[1] === istanze[2])
        await svc.sql(
          `INSERT INTO istruttoria (id, istanza_id, numero, regole_id, causa, data_riferimento, input,
                                    esito_calcolato, valutazione, esito, istruita_da)
           SELECT gen_random_uuid(), istanza_id, 2, regole_id, 'riesame', data_riferimento,
                  jsonb_set(input::jsonb, '{dati,dataNascita}', '"1950-05-05"'), esito_calcolato, valutazione,
                  esito, 'riesame.prova'
             FROM istruttoria WHERE istanza_id = $1 AND numero = 1`,
          [istanze[4]],
        );
      return pagina;
    });
    try {
      const fatta = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'lettura anticipata' });
      expect(fatta).toMatchObject({ stato: 'completata', istanzeIstruite: 6 });
    } finally {
      spia.mockRestore();
    }
    // Numbered after the riesame and judged on its snapshot, not on the one read ahead.
    expect(
      await svc.sql(
        `SELECT numero, input->'dati'->>'dataNascita' AS nascita, valutazione->'chiavi'->>'eta' AS eta
           FROM istruttoria WHERE istanza_id = $1 ORDER BY numero`,
        [istanze[4]],
      ),
    ).toEqual([
      expect.objectContaining({ numero: 1 }),
      expect.objectContaining({ numero: 2, nascita: '1950-05-05' }),
      { numero: 3, nascita: '1950-05-05', eta: expect.stringMatching(/^7\d$/) },
    ]);
    // The others of the page kept the read-ahead judgement: one new istruttoria each.
    expect((await storia(istanze[3])).map((r) => r.numero)).toEqual([1, 2]);
  });

  it('a failed page leaves the previous pages committed; the next request resumes from there', async () => {
    const { avvisoId, istanze } = await avvisoChiuso(8);
    // The fifth istanza (page 2) has a snapshot the engine refuses: born after the day of presentation.
    const [{ nascita }] = await svc.sql<{ nascita: string }>(
      `SELECT input->'dati'->>'dataNascita' AS nascita FROM istruttoria WHERE istanza_id = $1`,
      [istanze[4]],
    );
    await svc.sql(
      `UPDATE istruttoria SET input = jsonb_set(input::jsonb, '{dati,dataNascita}', '"2999-01-01"') WHERE istanza_id = $1`,
      [istanze[4]],
    );

    const interrotta = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'regole corrette' });
    expect(interrotta).toMatchObject({ stato: 'interrotta', istanzeTotali: 8, istanzeIstruite: 3 });
    expect(interrotta.ultimoErrore?.codice).toBe('DATA_NON_VALIDA');
    // Page 1 committed, page 2 rolled back whole (istanze 4 and 6 too), page 3 not reached.
    const numeri = async () => Promise.all(istanze.map(async (id) => (await storia(id)).length));
    expect(await numeri()).toEqual([2, 2, 2, 1, 1, 1, 1, 1]);

    // Fixed: the next request resumes the same run from the cursor; nothing is judged twice.
    await svc.sql(
      `UPDATE istruttoria SET input = jsonb_set(input::jsonb, '{dati,dataNascita}', to_jsonb($2::text)) WHERE istanza_id = $1`,
      [istanze[4], nascita],
    );
    const ripresa = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'di nuovo' });
    expect(ripresa).toMatchObject({
      id: interrotta.id,
      stato: 'completata',
      causa: 'istruttoria-avviso: regole corrette',
      istanzeIstruite: 8,
      ultimoErrore: null,
    });
    expect(await numeri()).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('a run in progress elsewhere is reported, not started twice; an abandoned one is taken over', async () => {
    const { avvisoId, istanze } = await avvisoChiuso(2);
    // Another replica's run, alive (a page recorded just now), before any page.
    await svc.sql(
      `INSERT INTO istruttoria_avviso (id, avviso_id, stato, causa, istanze_totali, avviata_da)
       VALUES (gen_random_uuid(), $1, 'in-corso', 'istruttoria-avviso: altrove', 2, 'udp.due')`,
      [avvisoId],
    );
    const viva = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'prova' });
    expect(viva).toMatchObject({ stato: 'in-corso', istanzeIstruite: 0, avviataDa: 'udp.due' });
    expect((await storia(istanze[0])).length).toBe(1);

    // Its process stopped: no page for more than two minutes.
    await svc.sql(
      `UPDATE istruttoria_avviso SET aggiornata_il = now() - interval '5 minutes' WHERE avviso_id = $1`,
      [avvisoId],
    );
    const presa = await svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'prova' });
    expect(presa).toMatchObject({ id: viva.id, stato: 'completata', istanzeIstruite: 2 });
    expect((await storia(istanze[1])).map((r) => r.istruita_da)).toEqual(['operatore.crema', 'udp.due']);
  });

  it('refuses once a graduatoria of the avviso is being approved or approved', async () => {
    const { avvisoId } = await avvisoChiuso(1);
    await svc.sql(
      `UPDATE graduatoria SET stato = 'in-approvazione', approvazione_da = 'udp.due', determina_numero = '1/2026',
              determina_data = '2026-01-10' WHERE id = (SELECT id FROM graduatoria WHERE avviso_id = $1 LIMIT 1)`,
      [avvisoId],
    );
    expect(await rifiuto(svc.as(ATTORI.udp)(istruisciAvviso, { avvisoId, motivo: 'prova' }))).toBe(
      'GRADUATORIA_IN_APPROVAZIONE',
    );
  });
});
