import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from 'nats';
import { PRESA_IN_CARICO_RPC, eventSubject, type EventEnvelope } from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { apertura, cartellaAperta, codiceFiscale, CREMA } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';

/*
 * Issue 10, points 1 and 7: misure's events of a beneficio kept as an intervento from the misure of the
 * person's cartella. Each event has its own durable, so they may arrive in any order and more than
 * once: the state shown is what all of them say. (The real misure service is in
 * apps/misure/src/benefici/benefici-progetto.integration-spec.ts.)
 */

const s = scenarioCrema();

function envelope<T extends object>(type: string, payload: T, occurredAt: string): EventEnvelope<string, T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt,
    ambito: 'CREMA',
    actor: { userId: 'udp', nome: 'Ufficio di Piano', ruoli: ['ufficio-di-piano'] },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}

/** Published as misure's relay does (without the de-duplication id when a redelivery is under test). */
async function pubblica(e: EventEnvelope, dedup = true): Promise<void> {
  const h = natsHeaders();
  if (dedup) h.set('Nats-Msg-Id', e.id);
  await s.svc.nats.jetstream().publish(eventSubject(e.type, e.version), JSON.stringify(e), { headers: h });
}

async function cartellaDi(personaId: string): Promise<string> {
  const c = cartellaAperta(
    await s.coordinatore()(PRESA_IN_CARICO_RPC.apriCartella, {
      ...apertura(codiceFiscale(), CREMA),
      personaId,
    }),
  );
  return c.id;
}

const interventi = async (cartellaId: string) =>
  (await s.coordinatore()(PRESA_IN_CARICO_RPC.leggiCartella, { id: cartellaId })).interventiMisure ?? [];

function concessione(personaId: string, istanzaId = randomUUID(), impegnoId = randomUUID()) {
  return envelope(
    'misure.beneficio.concesso',
    {
      istanzaId,
      personaId,
      avvisoId: randomUUID(),
      graduatoriaId: randomUUID(),
      misura: 'b2',
      strumento: 'buono-assistente-familiare',
      importoMensileCentesimi: 80_000,
      importoTotaleCentesimi: 960_000,
      dal: '2025-04-01',
      al: '2026-03-31',
      linea: 'B2-2025',
      fondo: 'FNA',
      annoFondo: 2024,
      impegnoId,
      causa: 'approvazione',
    },
    '2025-03-20T10:00:00.000Z',
  );
}

describe('presa in carico › interventi from the misure: misure’s events in any order, once', () => {
  it('events before their concessione are kept: the intervento shows them all when it arrives', async () => {
    const personaId = randomUUID();
    const cartellaId = await cartellaDi(personaId);
    const concesso = concessione(personaId);
    const { istanzaId, impegnoId } = concesso.payload;
    const beneficioId = randomUUID();
    const sospensioneId = randomUUID();
    const ids = { beneficioId, istanzaId, personaId, impegnoId };
    // Resumed, suspended, liquidated twice (one a redelivered copy), then revoked — all before the concessione.
    await pubblica(
      envelope(
        'misure.beneficio.ripreso',
        { ...ids, sospensioneId, dal: '2025-07-10' },
        '2025-07-10T08:00:00.000Z',
      ),
    );
    await pubblica(
      envelope(
        'misure.beneficio.sospeso',
        { ...ids, sospensioneId, dal: '2025-06-30', al: null },
        '2025-06-30T08:00:00.000Z',
      ),
    );
    const liquidata = envelope(
      'misure.erogazione.liquidata',
      {
        liquidazioneId: randomUUID(),
        erogazioneId: randomUUID(),
        beneficioId,
        personaId,
        mese: '2025-05',
        misura: 'b2',
        strumento: 'buono-assistente-familiare',
        importoDovutoCentesimi: 80_000,
        compensatoCentesimi: 0,
        importoLiquidatoCentesimi: 80_000,
        impegnoId,
        liquidazioneBudgetId: randomUUID(),
      },
      '2025-06-05T08:00:00.000Z',
    );
    await pubblica(liquidata);
    await pubblica(liquidata, false);
    await pubblica(
      envelope('misure.beneficio.revocato', { ...ids, dal: '2025-09-01' }, '2025-09-01T08:00:00.000Z'),
    );
    await eventually(async () => {
      const [r] = await s.svc.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM evento_beneficio WHERE beneficio_id = $1`,
        [beneficioId],
      );
      expect(r.n).toBe(4);
    });
    expect(await interventi(cartellaId)).toEqual([]);

    await pubblica(concesso);
    await pubblica(concesso, false);
    const [intervento] = await eventually(async () => {
      const lista = await interventi(cartellaId);
      expect(lista).toHaveLength(1);
      return lista;
    });
    expect(intervento).toEqual({
      id: expect.any(String),
      istanzaId,
      impegnoId,
      beneficioId,
      misura: 'b2',
      strumento: 'buono-assistente-familiare',
      importoMensileCentesimi: 80_000,
      importoTotaleCentesimi: 960_000,
      dal: '2025-04-01',
      al: '2026-03-31',
      linea: 'B2-2025',
      fondo: 'FNA',
      annoFondo: 2024,
      stato: 'revocato',
      terminaDal: '2025-09-01',
      sospensioni: [{ sospensioneId, dal: '2025-06-30', al: '2025-07-09' }],
      mesiLiquidati: 1,
      ultimoMeseLiquidato: '2025-05',
      liquidatoCentesimi: 80_000,
    });
    // One row per concessione, one per event: the copies changed nothing.
    expect(
      await s.svc.sql(`SELECT count(*)::int AS n FROM intervento_misura WHERE impegno_id = $1`, [impegnoId]),
    ).toEqual([{ n: 1 }]);
  });

  it('an event of before the impegno was in sospeso/ripreso finds its intervento by the istanza', async () => {
    const personaId = randomUUID();
    const cartellaId = await cartellaDi(personaId);
    const concesso = concessione(personaId);
    await pubblica(concesso);
    await eventually(async () => expect(await interventi(cartellaId)).toHaveLength(1));
    const sospensioneId = randomUUID();
    await pubblica(
      envelope(
        'misure.beneficio.sospeso',
        {
          beneficioId: randomUUID(),
          istanzaId: concesso.payload.istanzaId,
          personaId,
          sospensioneId,
          dal: '2025-10-01',
          al: '2025-10-31',
        },
        '2025-10-01T08:00:00.000Z',
      ),
    );
    await eventually(async () =>
      expect((await interventi(cartellaId))[0].sospensioni).toEqual([
        { sospensioneId, dal: '2025-10-01', al: '2025-10-31' },
      ]),
    );
  });

  it('a cartella shows only its person’s interventi; one without the persona of accesso shows none', async () => {
    const personaId = randomUUID();
    const cartellaId = await cartellaDi(personaId);
    await pubblica(concessione(randomUUID()));
    await pubblica(concessione(personaId));
    await eventually(async () => expect(await interventi(cartellaId)).toHaveLength(1));
    const senza = cartellaAperta(
      await s.coordinatore()(PRESA_IN_CARICO_RPC.apriCartella, apertura(codiceFiscale(), CREMA)),
    );
    expect(
      (await s.coordinatore()(PRESA_IN_CARICO_RPC.leggiCartella, { id: senza.id })).interventiMisure,
    ).toEqual([]);
  });
});
