import { headers as natsHeaders } from 'nats';
import {
  ACCESSO_RPC,
  MISURE_RPC,
  PRESA_IN_CARICO_RPC,
  eventSubject,
  type CartellaV1,
  type EventEnvelope,
  type InterventoMisuraModificatoV1,
  type InterventoMisuraV1,
  type InterventoV1,
  type ProponiProgettoV1,
} from '@ambito/contracts';
import { EventBus, eventStreamName } from '@ambito/messaging';
import { connectTestNats, eventually, rifiuto } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_PIC,
  CREMA,
  IMPUTAZIONE_B2,
  apertura,
  cartellaAperta,
  codiceFiscale,
  progetto,
} from '../../../presa-in-carico/test/presa-in-carico-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registraEquipeCrema } from '../../../presa-in-carico/test/presa-in-carico-scenario';
import { avvisoConErogazione, concessione, istanzaFinanziata, pubblica } from '../../test/benefici-fixture';
import type { AvvisoDiTest } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type ServiziFonti, type TestMisure } from '../../test/misure-harness';

/*
 * Issue 10, point 1 (lane progetto-ritorno): a change in the progetto of presa in carico that affects a
 * beneficio flows back to misure, between the real services over NATS and PostgreSQL. An approved
 * revision that shortens, ends or suspends the intervento from the misure becomes
 * `presa-in-carico.progetto.intervento-misura-modificato`; misure ends or suspends the beneficio with the
 * rule and the reason (ritorno_progetto), once; the monthly run then pays accordingly.
 */

const { leggiBeneficio, eseguiErogazioni, leggiErogazioneRun } = MISURE_RPC;
const { proponiProgetto, approvaProgetto, leggiCartella } = PRESA_IN_CARICO_RPC;
const DURABLE = 'misure-benefici-progetto';

describe('presa in carico → misure: the progetto’s changes to an intervento from the misure reach the beneficio', () => {
  let svc: TestMisure;
  let servizi: ServiziFonti;
  let avviso: AvvisoDiTest;
  const udp = () => svc.as(ATTORI.udp);
  const operatore = () => servizi.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'beneficio della persona');
  const pic = (actor: keyof typeof ATTORI_PIC) => servizi.presaInCarico.as(ATTORI_PIC[actor]);

  /** A persona in carico with a B2 granted 2025-04-01 – 2026-03-31 (€ 400 a month), its intervento from the misure. */
  async function beneficiaria(): Promise<{
    cartella: CartellaV1;
    beneficioId: string;
    im: InterventoMisuraV1;
  }> {
    const cf = codiceFiscale();
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(cf, CREMA));
    const c = cartellaAperta(
      await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.apriCartella, {
        ...apertura(cf, CREMA),
        personaId: p.id,
      }),
    );
    const cartella = await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.assegnaCartella, {
      id: c.id,
      caseManagerId: 'as.crema',
    });
    const istanza = await istanzaFinanziata(svc, avviso, p.id);
    await pubblica(concessione(avviso, istanza));
    const [b] = await eventually(async () => {
      const righe = await svc.sql<{ id: string }>(`SELECT id FROM beneficio WHERE istanza_id = $1`, [
        istanza.id,
      ]);
      expect(righe).toHaveLength(1);
      return righe;
    });
    const [im] = await eventually(async () => {
      const lista =
        (await pic('coordinatoreCrema')(leggiCartella, { id: cartella.id })).interventiMisure ?? [];
      expect(lista).toHaveLength(1);
      return lista;
    });
    return { cartella, beneficioId: b.id, im };
  }

  /** The B2 buono of the progetto, linked to the intervento from the misure. */
  const buono = (interventoMisuraId: string, modifica: Partial<InterventoV1> = {}): InterventoV1 => ({
    codicePrestazione: 'A1.11',
    denominazione: 'Buono sociale caregiver familiare (B2)',
    erogatore: 'Comunità Sociale Cremasca',
    intensita: { quantita: 1, unita: 'accessi-mese' },
    dal: '2025-04-01',
    al: '2026-03-31',
    costoCentesimi: 480_000,
    fonteFinanziamento: 'fondo-non-autosufficienza',
    imputazione: IMPUTAZIONE_B2,
    interventoMisuraId,
    ...modifica,
  });

  const versione = (cartellaId: string, modifica: Partial<ProponiProgettoV1>): ProponiProgettoV1 =>
    progetto(cartellaId, {
      dataInizio: '2025-04-01',
      dataFine: '2026-03-31',
      verifiche: [{ data: '2025-10-01', oggetto: 'Verifica intermedia' }],
      ...modifica,
    });

  /** Proposed by the case manager, approved by the Comune; the events published. */
  async function approva(dto: ProponiProgettoV1): Promise<string> {
    const proposto = await pic('asCrema')(proponiProgetto, dto);
    await pic('responsabileCrema')(approvaProgetto, { id: proposto.id, motivazione: 'Revisione concordata' });
    await servizi.presaInCarico.flush();
    return proposto.id;
  }

  const ritorni = (beneficioId: string) =>
    svc.sql<{
      evento_id: string;
      versione: number;
      esito: string;
      effetti: Array<{ tipo: string; regola: string; motivazione: string }>;
      regole_id: string;
      input: Record<string, unknown>;
    }>(
      `SELECT evento_id, versione, esito, effetti, regole_id, input FROM ritorno_progetto WHERE beneficio_id = $1 ORDER BY registrato_il`,
      [beneficioId],
    );

  /** presa in carico's outbox row of the event for an intervento from the misure, by version. */
  async function evento(
    interventoMisuraId: string,
    v: number,
  ): Promise<EventEnvelope<string, InterventoMisuraModificatoV1>> {
    const [r] = await servizi.presaInCarico.sql<{
      envelope: EventEnvelope<string, InterventoMisuraModificatoV1>;
    }>(
      `SELECT envelope FROM outbox_message WHERE type = 'presa-in-carico.progetto.intervento-misura-modificato'
          AND envelope->'payload'->>'interventoMisuraId' = $1 AND (envelope->'payload'->>'versione')::int = $2`,
      [interventoMisuraId, v],
    );
    return r.envelope;
  }

  /** Publishes again, without the de-duplication id: the inbox, not JetStream, is under test. */
  async function ripubblica(envelope: EventEnvelope): Promise<void> {
    const nc = await connectTestNats(undefined, { name: 'ritorno-progetto-ripubblica' });
    try {
      await nc.jetstream().publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope), {
        headers: natsHeaders(),
      });
      const jsm = await nc.jetstreamManager();
      await eventually(async () => {
        const info = await jsm.consumers.info(eventStreamName('presa-in-carico'), DURABLE);
        expect({ pending: info.num_pending, inAttesa: info.num_ack_pending }).toEqual({
          pending: 0,
          inAttesa: 0,
        });
      });
    } finally {
      await nc.close();
    }
  }

  /** The monthly run of a month, completed; what it made due for the beneficio (0 when nothing). */
  async function dovuto(mese: string, beneficioId: string): Promise<number> {
    const avviata = await udp()(eseguiErogazioni, { mese });
    await eventually(
      async () => expect((await udp()(leggiErogazioneRun, { id: avviata.id })).stato).toBe('completata'),
      { timeoutMs: 15_000 },
    );
    const [r] = await svc.sql<{ importo: string | null }>(
      `SELECT sum(importo_dovuto_centesimi) AS importo FROM erogazione_mensile WHERE beneficio_id = $1 AND mese = $2`,
      [beneficioId, `${mese}-01`],
    );
    return Number(r.importo ?? 0);
  }

  beforeAll(async () => {
    svc = await startTestMisure({ servizi: true });
    servizi = svc.servizi!;
    avviso = await avvisoConErogazione(svc);
    await registraEquipeCrema(servizi.presaInCarico);
  }, 120_000);
  afterAll(() => svc?.close());

  it('a revision that brings the end forward revokes the beneficio from the next day, with rule and reason, once; the run pays accordingly', async () => {
    const { cartella, beneficioId, im } = await beneficiaria();
    // The first version links the buono with the concessione's own period: nothing to tell misure.
    await approva(versione(cartella.id, { interventi: [buono(im.id)] }));
    // The revision ends the buono on 15 September 2025.
    await approva(versione(cartella.id, { interventi: [buono(im.id, { al: '2025-09-15' })] }));
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id: beneficioId })).toMatchObject({
        stato: 'revocato',
        causaFine: 'decadenza',
        terminaDal: '2025-09-16',
        motivazioneFine:
          'La versione 2 del progetto fa finire l’intervento il 2025-09-15: la misura decade dal 2025-09-16, nessuna mensilità è dovuta da quel giorno.',
      }),
    );
    const [fine] = await svc.sql<{ fonte_fine: string }>(`SELECT fonte_fine FROM beneficio WHERE id = $1`, [
      beneficioId,
    ]);
    expect(fine.fonte_fine).toBe(`progetto:${cartella.id}:${im.id}`);
    const [r] = await ritorni(beneficioId);
    expect(r).toMatchObject({
      versione: 2,
      esito: 'applicato',
      effetti: [{ tipo: 'termina', dal: '2025-09-16', regola: 'progetto-fine-anticipata' }],
      input: {
        progetto: { versione: 2, modifiche: ['fine-modificata'], al: '2025-09-15' },
        beneficio: { dal: '2025-04-01', al: '2026-03-31', stato: 'attivo', terminaDal: null },
      },
    });
    const [{ regole_id }] = await svc.sql<{ regole_id: string }>(
      `SELECT regole_id FROM beneficio WHERE id = $1`,
      [beneficioId],
    );
    expect(r.regole_id).toBe(regole_id);

    // The same event delivered again: nothing is recorded or changed twice.
    await ripubblica(await evento(im.id, 2));
    expect(await ritorni(beneficioId)).toHaveLength(1);

    // The monthly run: August whole, September for 15 days of 30, October nothing.
    expect(await dovuto('2025-08', beneficioId)).toBe(40_000);
    expect(await dovuto('2025-09', beneficioId)).toBe(20_000);
    expect(await dovuto('2025-10', beneficioId)).toBe(0);

    // misure's revoca comes back to the cartella.
    await svc.app.get(EventBus).flushOutbox();
    await eventually(async () =>
      expect(
        (await pic('coordinatoreCrema')(leggiCartella, { id: cartella.id })).interventiMisure?.[0],
      ).toMatchObject({
        stato: 'revocato',
        terminaDal: '2025-09-16',
      }),
    );
  });

  it('a suspension stated by the progetto suspends the beneficio for that period (the run pays the other days); removed, it is annulled', async () => {
    const { cartella, beneficioId, im } = await beneficiaria();
    const sospensione = { dal: '2025-06-11', al: '2025-06-20' };
    await approva(versione(cartella.id, { interventi: [buono(im.id, { sospensione })] }));
    const [s] = await eventually(async () => {
      const b = await udp()(leggiBeneficio, { id: beneficioId });
      expect(b.sospensioni).toHaveLength(1);
      return b.sospensioni;
    });
    expect(s).toMatchObject({
      causa: 'altro',
      dal: '2025-06-11',
      al: '2025-06-20',
      fonte: `progetto:${cartella.id}:${im.id}`,
      registrataDa: 'servizio-misure',
    });
    expect(s.dettaglio).toMatchObject({
      origine: 'presa-in-carico',
      versione: 1,
      regola: 'progetto-sospensione',
      motivazione:
        'Intervento sospeso dalla versione 1 del progetto dal 2025-06-11 al 2025-06-20: nessuna mensilità per i giorni di cura non prestata al domicilio.',
    });
    // June: 20 days of 30 at home.
    expect(await dovuto('2025-06', beneficioId)).toBe(Math.floor((40_000 * 20) / 30));

    // The revision removes the suspension: annulled, the beneficio in force as before.
    await approva(versione(cartella.id, { interventi: [buono(im.id)] }));
    await eventually(async () => expect(await ritorni(beneficioId)).toHaveLength(2));
    const [, secondo] = await ritorni(beneficioId);
    expect(secondo.effetti).toMatchObject([
      { tipo: 'annulla-sospensione', regola: 'progetto-sospensione-revocata' },
    ]);
    const b = await udp()(leggiBeneficio, { id: beneficioId });
    expect(b.stato).toBe('attivo');
    expect(b.sospensioni[0].annullataIl).not.toBeNull();
    expect(await dovuto('2025-07', beneficioId)).toBe(40_000);

    // Version 1 delivered late (after version 2): recorded as superseded, the suspension stays annulled.
    const tardivo = await evento(im.id, 1);
    await ripubblica({ ...tardivo, id: '9f0e6a1c-0000-4000-8000-000000000001' });
    const righe = await ritorni(beneficioId);
    expect(righe).toHaveLength(3);
    expect(righe[2]).toMatchObject({
      versione: 1,
      esito: 'superato',
      effetti: [{ regola: 'versione-superata' }],
    });
    expect((await udp()(leggiBeneficio, { id: beneficioId })).sospensioni[0].annullataIl).not.toBeNull();
  });

  it('an intervento left out of a revision ends the beneficio the day before the revision begins', async () => {
    const { cartella, beneficioId, im } = await beneficiaria();
    await approva(versione(cartella.id, { interventi: [buono(im.id)] }));
    // The revision from 1 November 2025 no longer has the buono: only the home care.
    await approva(
      versione(cartella.id, {
        dataInizio: '2025-11-01',
        verifiche: [{ data: '2026-01-15', oggetto: 'Verifica' }],
        interventi: [{ ...progetto(cartella.id).interventi[0], dal: '2025-11-01', al: '2026-03-31' }],
      }),
    );
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id: beneficioId })).toMatchObject({
        stato: 'revocato',
        causaFine: 'decadenza',
        terminaDal: '2025-11-01',
        motivazioneFine:
          'Intervento terminato dalla versione 2 del progetto: senza progetto individuale che lo preveda la misura decade dal 2025-11-01.',
      }),
    );
    expect((await ritorni(beneficioId))[0].effetti).toMatchObject([
      { regola: 'progetto-intervento-terminato' },
    ]);
  });

  it('refuses a link to an intervento from the misure the cartella does not have, writing nothing', async () => {
    const { cartella, im } = await beneficiaria();
    const altra = await beneficiaria();
    const prima = await servizi.presaInCarico.sql<{ n: string }>(`SELECT count(*) AS n FROM progetto`);
    expect(
      await rifiuto(
        pic('asCrema')(proponiProgetto, versione(cartella.id, { interventi: [buono(altra.im.id)] })),
      ),
    ).toBe('INTERVENTO_MISURA_NON_TROVATO');
    expect(
      await rifiuto(
        pic('asCrema')(
          proponiProgetto,
          versione(cartella.id, {
            interventi: [buono(im.id, { sospensione: { dal: '2025-03-01', al: null } })],
          }),
        ),
      ),
    ).toBe('DATA_NON_VALIDA');
    expect(await servizi.presaInCarico.sql(`SELECT count(*) AS n FROM progetto`)).toEqual(prima);
  });
});
