import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from 'nats';
import {
  eventSubject,
  type BeneficioConcessoV1,
  type EventEnvelope,
  type ParametriRegoleV1,
} from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { creaAvviso, creaIstanza, parametriB2, type AvvisoDiTest } from './graduatorie-fixture';
import type { TestMisure } from './misure-harness';

/*
 * Benefici for the tests of lane benefici-run: an avviso and istanze written by SQL (graduatorie-fixture),
 * and the concessione as misure's approval publishes it (`misure.beneficio.concesso` on JetStream), or
 * a beneficio row written directly for the tests of the monthly run alone.
 */

/** The B2 test rule set with the monthly run's parameters (pro rata on the days of a partial month). */
export function parametriB2Erogazione(): ParametriRegoleV1 {
  return { ...parametriB2(), erogazione: { meseParziale: 'pro-rata-giorni', etaMaggiore: 18 } };
}

export async function avvisoConErogazione(svc: TestMisure): Promise<AvvisoDiTest> {
  return creaAvviso(svc, [{ area: 'anziani', linea: 'B2-2025', budgetCentesimi: 100_000_000 }], {
    stato: 'graduatorie-approvate',
    decorrenza: '2025-04-01',
    mesi: 12,
    parametri: parametriB2Erogazione(),
  });
}

let protocollo = 0;

/** An ammissibile istanza of the avviso, of `personaId` if given (a person of the real accesso). */
export async function istanzaFinanziata(
  svc: TestMisure,
  avviso: AvvisoDiTest,
  personaId?: string,
): Promise<{ id: string; personaId: string }> {
  const istanza = await creaIstanza(svc, avviso, { protocollo: ++protocollo, esito: 'ammissibile' });
  if (!personaId) return istanza;
  await svc.sql(`UPDATE istanza SET persona_id = $2 WHERE id = $1`, [istanza.id, personaId]);
  return { id: istanza.id, personaId };
}

/** The event misure's approval writes for a financed istanza (graduatorie/approvazione.service.ts). */
export function concessione(
  avviso: AvvisoDiTest,
  istanza: { id: string; personaId: string },
  modifica: Partial<BeneficioConcessoV1> = {},
): EventEnvelope<'misure.beneficio.concesso', BeneficioConcessoV1> {
  return {
    id: randomUUID(),
    type: 'misure.beneficio.concesso',
    version: 1,
    occurredAt: new Date().toISOString(),
    ambito: 'CREMA',
    actor: { userId: 'udp', nome: 'udp', ruoli: ['ufficio-di-piano'] },
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      istanzaId: istanza.id,
      personaId: istanza.personaId,
      avvisoId: avviso.avvisoId,
      graduatoriaId: avviso.graduatorie.anziani,
      misura: 'b2',
      strumento: 'buono-caregiver',
      importoMensileCentesimi: 40_000,
      importoTotaleCentesimi: 480_000,
      dal: '2025-04-01',
      al: '2026-03-31',
      linea: 'B2-2025',
      fondo: 'FNA',
      annoFondo: 2024,
      impegnoId: randomUUID(),
      causa: 'approvazione',
      ...modifica,
    },
  } as EventEnvelope<'misure.beneficio.concesso', BeneficioConcessoV1>;
}

/** Publishes an event on JetStream as its producer's outbox would. */
export async function pubblica(envelope: EventEnvelope): Promise<void> {
  const nc = await connectTestNats(undefined, { name: 'benefici-test-pubblica' });
  try {
    const h = natsHeaders();
    h.set('Nats-Msg-Id', envelope.id);
    await nc
      .jetstream()
      .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope), { headers: h });
  } finally {
    await nc.close();
  }
}

/** A beneficio row written directly (the monthly run's tests): monthly € 400 from April 2025 for 12 months. */
export async function beneficioDiretto(
  svc: TestMisure,
  avviso: AvvisoDiTest,
  modifica: { importoMensileCentesimi?: number; iseeValidoAl?: string | null } = {},
): Promise<string> {
  const istanza = await istanzaFinanziata(svc, avviso);
  const id = randomUUID();
  await svc.sql(
    `INSERT INTO beneficio (id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area, strumento,
       importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea, fondo, anno_fondo, impegno_id, regole_id,
       causa_concessione, evento_id, isee_valido_al)
     VALUES ($1, 'CREMA', $2, $3, $4, $5, 'b2', 'anziani', 'buono-caregiver', $6::bigint, $6::bigint * 12, '2025-04-01', '2026-03-31',
             'B2-2025', 'FNA', 2024, $7, $8, 'approvazione', $9, $10)`,
    [
      id,
      istanza.id,
      istanza.personaId,
      avviso.avvisoId,
      avviso.graduatorie.anziani,
      modifica.importoMensileCentesimi ?? 40_000,
      randomUUID(),
      avviso.regoleId,
      randomUUID(),
      modifica.iseeValidoAl === undefined ? '2025-12-31' : modifica.iseeValidoAl,
    ],
  );
  return id;
}
