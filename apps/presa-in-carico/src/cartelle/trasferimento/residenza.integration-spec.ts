import { randomUUID } from 'node:crypto';
import {
  PRESA_IN_CARICO_RPC,
  eventSubject,
  type EventEnvelope,
  type PersonaResidenzaCambiataV1,
} from '@ambito/contracts';
import { eventStreamName } from '@ambito/messaging';
import { eventually } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  apertura,
  cartellaAperta,
  codiceFiscale,
  eventoDi,
} from '../../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../../test/presa-in-carico-scenario';
import { RESIDENZA_DURABLE } from './residenza.consumer';

const { apriCartella, assegnaCartella, leggiDiario } = PRESA_IN_CARICO_RPC;

function residenzaCambiata(
  personaId: string,
  comuneResidenza: string | null,
  subAmbito: string | null,
): EventEnvelope<'accesso.persona.residenza-cambiata', PersonaResidenzaCambiataV1> {
  return {
    id: randomUUID(),
    type: 'accesso.persona.residenza-cambiata',
    version: 1,
    occurredAt: new Date().toISOString(),
    ambito: 'CREMA',
    actor: { userId: 'operatore.crema', nome: 'Giulia Ferrari', ruoli: ['operatore-accesso'] },
    correlationId: randomUUID(),
    causationId: null,
    payload: { personaId, comuneResidenza, subAmbito },
  };
}

describe('presa in carico › a change of residence in the registry moves the cartella (accesso.persona.residenza-cambiata)', () => {
  const scenario = scenarioCrema();

  /** Publishes and waits until the durable consumer has acknowledged the message. */
  async function consegna(envelope: EventEnvelope): Promise<void> {
    const svc = scenario.svc;
    const ack = await svc.nats
      .jetstream()
      .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope));
    await eventually(
      async () => {
        const info = await (
          await svc.nats.jetstreamManager()
        ).consumers.info(eventStreamName('accesso'), RESIDENZA_DURABLE);
        expect(info.ack_floor.stream_seq).toBeGreaterThanOrEqual(ack.seq);
      },
      { timeoutMs: 10_000 },
    );
  }

  const cartella = async (id: string) =>
    (
      await scenario.svc.sql<{ sub_ambito: string; comune_residenza: string; stato: string }>(
        'SELECT sub_ambito, comune_residenza, stato FROM cartella WHERE id = $1',
        [id],
      )
    )[0];

  /** A cartella opened for a persona of the registry and assigned to as.crema. */
  async function inCaricoPer(personaId: string) {
    const c = cartellaAperta(
      await scenario.coordinatore()(apriCartella, { ...apertura(codiceFiscale(), CREMA), personaId }),
    );
    return scenario.coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
  }

  it('moves an open cartella to the queue of the new sub-ambito once, even when the event comes twice', async () => {
    const personaId = randomUUID();
    const c = await inCaricoPer(personaId);
    const envelope = residenzaCambiata(personaId, PANDINO, 'SA-PANDINO');
    await consegna(envelope);
    await consegna(envelope); // a redelivery: the inbox skips it
    expect(await cartella(c.id)).toEqual({
      sub_ambito: 'SA-PANDINO',
      comune_residenza: PANDINO,
      stato: 'in-attesa',
    });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.cartella.trasferita',
      (p) => p.cartellaId === c.id,
    );
    expect(evento.payload).toMatchObject({
      daSubAmbito: 'SA-CREMA',
      aSubAmbito: 'SA-PANDINO',
      aComune: PANDINO,
    });
    const diario = await scenario.svc.as(ATTORI.coordinatorePandino)(leggiDiario, { id: c.id });
    expect(diario.filter((v) => v.tipo === 'trasferimento')).toHaveLength(1);
    expect(diario.at(-1)).toMatchObject({ tipo: 'trasferimento', autore: { id: 'operatore.crema' } });
  });

  it('leaves a cartella where it is when the persona moves abroad or outside the Ambito, telling the équipe', async () => {
    const personaId = randomUUID();
    const c = await inCaricoPer(personaId);
    await consegna(residenzaCambiata(personaId, null, null));
    await consegna(residenzaCambiata(personaId, '015146', null)); // Milano
    expect(await cartella(c.id)).toEqual({
      sub_ambito: 'SA-CREMA',
      comune_residenza: CREMA,
      stato: 'in-carico',
    });
    const diario = await scenario.caseManager()(leggiDiario, { id: c.id });
    expect(diario.filter((v) => v.tipo === 'trasferimento').map((v) => v.testo)).toEqual([
      expect.stringContaining('all’estero'),
      expect.stringContaining('015146, fuori dall’Ambito'),
    ]);
  });

  it('does nothing for a persona without a cartella', async () => {
    const prima = await scenario.svc.sql('SELECT id, sub_ambito FROM cartella ORDER BY id');
    await consegna(residenzaCambiata(randomUUID(), PANDINO, 'SA-PANDINO'));
    expect(await scenario.svc.sql('SELECT id, sub_ambito FROM cartella ORDER BY id')).toEqual(prima);
  });
});
