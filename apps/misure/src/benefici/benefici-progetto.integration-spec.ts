import { giornoInItalia } from '@ambito/kernel';
import { headers as natsHeaders } from 'nats';
import {
  ACCESSO_RPC,
  MISURE_RPC,
  PRESA_IN_CARICO_RPC,
  eventSubject,
  type CartellaV1,
  type EventEnvelope,
  type InterventoMisuraV1,
  type MotivoChiusura,
} from '@ambito/contracts';
import { EventBus, eventStreamName } from '@ambito/messaging';
import { connectTestNats, eventually } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_PIC,
  CREMA,
  apertura,
  cartellaAperta,
  codiceFiscale,
} from '../../../presa-in-carico/test/presa-in-carico-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registraEquipeCrema } from '../../../presa-in-carico/test/presa-in-carico-scenario';
import { avvisoConErogazione, concessione, istanzaFinanziata, pubblica } from '../../test/benefici-fixture';
import type { AvvisoDiTest } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type ServiziFonti, type TestMisure } from '../../test/misure-harness';

/*
 * Issue 10, points 1 and 7: the beneficio ↔ progetto sync between the real misure and presa-in-carico
 * services, over NATS and PostgreSQL. misure's concessione becomes an intervento from the misure in the
 * person's cartella (nothing typed twice), its suspensions, resumption and end follow it there, a
 * redelivered event changes nothing; the cartella closed by the équipe flows back and ends or suspends
 * the beneficio in misure with its reason.
 */

const { leggiBeneficio, sospendiBeneficio, chiudiSospensioneBeneficio } = MISURE_RPC;

/** Days from today in Italy (the view says `sospeso` while a suspension covers today). */
const giorno = (delta = 0): string => {
  const oggi = giornoInItalia();
  const d = new Date(`${oggi}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
};

describe('misure ↔ presa in carico: the beneficio in the cartella, the cartella’s closure in the beneficio', () => {
  let svc: TestMisure;
  let servizi: ServiziFonti;
  let avviso: AvvisoDiTest;
  const udp = () => svc.as(ATTORI.udp);
  const operatore = () => servizi.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'beneficio della persona');
  const pic = (actor: keyof typeof ATTORI_PIC) => servizi.presaInCarico.as(ATTORI_PIC[actor]);
  const flushMisure = () => svc.app.get(EventBus).flushOutbox();

  /** A persona of accesso's registry, her cartella in carico, and a beneficio of hers granted by misure. */
  async function beneficiaria(): Promise<{
    cartella: CartellaV1;
    beneficioId: string;
    impegnoId: string;
    concesso: EventEnvelope;
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
    const evento = concessione(avviso, istanza, { dal: giorno(-60), al: giorno(300) });
    await pubblica(evento);
    const [b] = await eventually(async () => {
      const righe = await svc.sql<{ id: string }>(`SELECT id FROM beneficio WHERE istanza_id = $1`, [
        istanza.id,
      ]);
      expect(righe).toHaveLength(1);
      return righe;
    });
    return { cartella, beneficioId: b.id, impegnoId: evento.payload.impegnoId, concesso: evento };
  }

  /** The interventi from the misure as the case manager's coordinator reads the cartella. */
  const interventi = async (cartellaId: string): Promise<InterventoMisuraV1[]> =>
    (await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.leggiCartella, { id: cartellaId }))
      .interventiMisure ?? [];

  /** misure's outbox row of an event of the beneficio, as the relay publishes it. */
  async function envelopeDi(type: string, beneficioId: string): Promise<EventEnvelope> {
    const [r] = await svc.sql<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM outbox_message WHERE type = $1 AND envelope->'payload'->>'beneficioId' = $2`,
      [type, beneficioId],
    );
    return r.envelope;
  }

  /** Publishes again, without the de-duplication id: the inbox, not JetStream, is under test. */
  async function ripubblica(envelope: EventEnvelope): Promise<void> {
    const nc = await connectTestNats(undefined, { name: 'benefici-progetto-ripubblica' });
    try {
      const h = natsHeaders();
      await nc
        .jetstream()
        .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope), { headers: h });
    } finally {
      await nc.close();
    }
  }

  /** Every message of presa in carico's durable delivered and acknowledged (redeliveries included). */
  async function consegnati(durable: string): Promise<void> {
    const nc = await connectTestNats(undefined, { name: 'benefici-progetto-consegnati' });
    try {
      const jsm = await nc.jetstreamManager();
      await eventually(async () => {
        const info = await jsm.consumers.info(eventStreamName('misure'), durable);
        expect({ pending: info.num_pending, inAttesa: info.num_ack_pending }).toEqual({
          pending: 0,
          inAttesa: 0,
        });
      });
    } finally {
      await nc.close();
    }
  }

  async function chiudi(cartellaId: string, motivo: MotivoChiusura): Promise<void> {
    await pic('asCrema')(PRESA_IN_CARICO_RPC.chiudiCartella, { id: cartellaId, motivo });
    await servizi.presaInCarico.flush();
  }

  beforeAll(async () => {
    svc = await startTestMisure({ servizi: true });
    servizi = svc.servizi!;
    avviso = await avvisoConErogazione(svc);
    await registraEquipeCrema(servizi.presaInCarico);
    // Three services on fresh databases: slow on a loaded machine.
  }, 120_000);
  afterAll(() => svc?.close());

  it('concesso → the intervento appears in the cartella; sospeso and ripreso follow it; a redelivery changes nothing', async () => {
    const { cartella, beneficioId, impegnoId, concesso } = await beneficiaria();
    const [intervento] = await eventually(async () => {
      const lista = await interventi(cartella.id);
      expect(lista).toHaveLength(1);
      return lista;
    });
    expect(intervento).toMatchObject({
      impegnoId,
      misura: 'b2',
      strumento: 'buono-caregiver',
      importoMensileCentesimi: 40_000,
      importoTotaleCentesimi: 480_000,
      dal: giorno(-60),
      al: giorno(300),
      linea: 'B2-2025',
      stato: 'attivo',
      terminaDal: null,
      sospensioni: [],
      mesiLiquidati: 0,
    });

    // The Ufficio di Piano suspends it from yesterday: the cartella says so, with misure's beneficio id.
    const sospeso = await udp()(sospendiBeneficio, {
      beneficioId,
      causa: 'altro',
      dal: giorno(-1),
      motivazione: 'Assistenza al domicilio interrotta',
    });
    const sospensioneId = sospeso.sospensioni[0].id;
    await flushMisure();
    await eventually(async () =>
      expect((await interventi(cartella.id))[0]).toMatchObject({
        beneficioId,
        stato: 'sospeso',
        sospensioni: [{ sospensioneId, dal: giorno(-1), al: null }],
      }),
    );

    // Closed on its first day: resumed from today.
    await udp()(chiudiSospensioneBeneficio, { beneficioId, sospensioneId, al: giorno(-1) });
    await flushMisure();
    await eventually(async () =>
      expect((await interventi(cartella.id))[0]).toMatchObject({
        stato: 'attivo',
        sospensioni: [{ sospensioneId, dal: giorno(-1), al: giorno(-1) }],
      }),
    );

    // The sospeso (older than the ripreso) and the concessione delivered again: nothing changes.
    const [prima] = await servizi.presaInCarico.sql<{ aggiornato_il: Date }>(
      `SELECT aggiornato_il FROM intervento_misura WHERE impegno_id = $1`,
      [impegnoId],
    );
    await ripubblica(await envelopeDi('misure.beneficio.sospeso', beneficioId));
    await ripubblica(concesso);
    await consegnati('presa-in-carico-beneficio-sospeso');
    await consegnati('presa-in-carico-beneficio-concesso');
    expect((await interventi(cartella.id))[0]).toMatchObject({
      stato: 'attivo',
      sospensioni: [{ sospensioneId, dal: giorno(-1), al: giorno(-1) }],
    });
    const [dopo] = await servizi.presaInCarico.sql<{ aggiornato_il: Date }>(
      `SELECT aggiornato_il FROM intervento_misura WHERE impegno_id = $1`,
      [impegnoId],
    );
    expect(dopo.aggiornato_il).toEqual(prima.aggiornato_il);
    expect(
      await servizi.presaInCarico.sql(
        `SELECT tipo FROM evento_beneficio WHERE beneficio_id = $1 ORDER BY avvenuto_il`,
        [beneficioId],
      ),
    ).toEqual([{ tipo: 'sospeso' }, { tipo: 'ripreso' }]);
  });

  it('the cartella closed for rinuncia ceases the beneficio in misure with its reason, and the cartella shows it', async () => {
    const { cartella, beneficioId } = await beneficiaria();
    await eventually(async () => expect(await interventi(cartella.id)).toHaveLength(1));
    await chiudi(cartella.id, 'rinuncia');
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id: beneficioId })).toMatchObject({
        stato: 'cessato',
        terminaDal: giorno(0),
        causaFine: 'rinuncia',
        motivazioneFine:
          'La persona ha rinunciato alla presa in carico e al progetto individuale della misura.',
      }),
    );
    const [fine] = await svc.sql<{ fonte_fine: string }>(`SELECT fonte_fine FROM beneficio WHERE id = $1`, [
      beneficioId,
    ]);
    expect(fine.fonte_fine).toBe(`cartella-chiusa:${cartella.id}:1`);
    // misure's cessato comes back to presa in carico: the closed cartella shows the measure ended.
    await flushMisure();
    await eventually(async () =>
      expect((await interventi(cartella.id))[0]).toMatchObject({ stato: 'cessato', terminaDal: giorno(0) }),
    );
  });

  it('the cartella closed for trasferimento suspends the beneficio (open) with the closure recorded', async () => {
    const { cartella, beneficioId } = await beneficiaria();
    await eventually(async () => expect(await interventi(cartella.id)).toHaveLength(1));
    await chiudi(cartella.id, 'trasferimento');
    const [s] = await eventually(async () => {
      const b = await udp()(leggiBeneficio, { id: beneficioId });
      expect(b.stato).toBe('attivo');
      expect(b.sospensioni).toHaveLength(1);
      return b.sospensioni;
    });
    expect(s).toMatchObject({
      causa: 'altro',
      dal: giorno(0),
      al: null,
      fonte: `cartella-chiusa:${cartella.id}:1`,
      registrataDa: 'servizio-misure',
    });
    expect(s.dettaglio).toMatchObject({ origine: 'presa-in-carico', motivoChiusura: 'trasferimento' });
    await flushMisure();
    await eventually(async () =>
      expect((await interventi(cartella.id))[0]).toMatchObject({
        stato: 'sospeso',
        sospensioni: [{ sospensioneId: s.id, dal: giorno(0), al: null }],
      }),
    );
  });

  it('the cartella closed with obiettivi raggiunti revokes the beneficio (decadenza: no progetto in force)', async () => {
    const { cartella, beneficioId } = await beneficiaria();
    await eventually(async () => expect(await interventi(cartella.id)).toHaveLength(1));
    await chiudi(cartella.id, 'obiettivi-raggiunti');
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id: beneficioId })).toMatchObject({
        stato: 'revocato',
        causaFine: 'decadenza',
        terminaDal: giorno(0),
      }),
    );
    await flushMisure();
    await eventually(async () => expect((await interventi(cartella.id))[0].stato).toBe('revocato'));
  });
});
