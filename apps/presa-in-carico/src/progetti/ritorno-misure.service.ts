import type { EntityManager } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type FieldError,
  type InterventoMisuraModificatoV1,
  type InterventoV1,
} from '@ambito/contracts';
import type { OutboxWriter } from '@ambito/messaging';
import type { CartellaEntity } from '../cartella/cartella.entity';
import { InterventoEntity } from './intervento.entity';
import type { ProgettoEntity } from './progetto.entity';
import { modificheInterventiMisura, type LegameMisura } from './ritorno-misure';

/*
 * The progetto's side of the flow back to the benefici (issue 10, point 1; lane progetto-ritorno): an
 * intervento of the progetto may be linked to an intervento from the misure of the same cartella; when
 * a version is approved, what it changed of those (modificheInterventiMisura) becomes one event per
 * intervento from the misure, in the approval's transaction (outbox), for misure to apply.
 */

/**
 * Each link names an intervento from the misure of the cartella's persona, at most once per version;
 * a suspension only on a linked intervento. Refused with the fields otherwise, nothing written.
 */
export async function assertLegamiMisure(
  m: EntityManager,
  cartella: CartellaEntity,
  interventi: readonly InterventoV1[],
): Promise<void> {
  const problemi: FieldError[] = [];
  const visti = new Set<string>();
  interventi.forEach((iv, i) => {
    if (iv.sospensione && !iv.interventoMisuraId)
      problemi.push({
        campo: `interventi.${i}.sospensione`,
        messaggi: ['si sospende dal progetto solo un intervento da misure (interventoMisuraId)'],
      });
    if (!iv.interventoMisuraId) return;
    if (visti.has(iv.interventoMisuraId))
      problemi.push({
        campo: `interventi.${i}.interventoMisuraId`,
        messaggi: ['già collegato nella versione'],
      });
    visti.add(iv.interventoMisuraId);
  });
  if (problemi.length > 0)
    throw new DomainError(
      'VALIDAZIONE_FALLITA',
      'Interventi del progetto non coerenti: correggere i campi indicati.',
      problemi,
    );
  if (visti.size === 0) return;
  const trovati = new Set(
    (
      await m.query<Array<{ id: string }>>(
        `SELECT id FROM intervento_misura WHERE id = ANY($1::uuid[]) AND persona_id = $2`,
        [[...visti], cartella.personaId],
      )
    ).map((r) => r.id),
  );
  const mancanti: FieldError[] = [];
  interventi.forEach((iv, i) => {
    if (iv.interventoMisuraId && !trovati.has(iv.interventoMisuraId))
      mancanti.push({
        campo: `interventi.${i}.interventoMisuraId`,
        messaggi: ['nessun intervento da misure con questo id nella cartella della persona'],
      });
  });
  if (mancanti.length > 0)
    throw new DomainError(
      'INTERVENTO_MISURA_NON_TROVATO',
      'Il progetto collega un intervento da misure che la cartella della persona non ha.',
      mancanti,
    );
}

async function legami(m: EntityManager, progettoId: string): Promise<LegameMisura[]> {
  const righe = await m.getRepository(InterventoEntity).find({ where: { progettoId } });
  return righe
    .filter((i) => i.interventoMisuraId)
    .map((i) => ({
      interventoMisuraId: i.interventoMisuraId!,
      al: i.al,
      sospensione: i.sospesoDal ? { dal: i.sospesoDal, al: i.sospesoAl ?? null } : null,
    }));
}

/** The approved version's changes to the interventi from the misure, as events in the outbox. */
export async function tornaAlleMisure(
  m: EntityManager,
  outbox: OutboxWriter,
  cartella: CartellaEntity,
  approvata: ProgettoEntity,
  sostituita: ProgettoEntity | null,
  motivazione: string | null,
): Promise<void> {
  const prima = sostituita ? await legami(m, sostituita.id) : [];
  const dopo = await legami(m, approvata.id);
  const ids = [...new Set([...prima, ...dopo].map((l) => l.interventoMisuraId))];
  if (ids.length === 0) return;
  const righe = await m.query<
    Array<{ id: string; impegno_id: string; istanza_id: string; beneficio_id: string | null; al: string }>
  >(
    `SELECT id, impegno_id, istanza_id, beneficio_id, al::text AS al FROM intervento_misura WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const misure = new Map(righe.map((r) => [r.id, r]));
  const modifiche = modificheInterventiMisura(
    prima,
    dopo,
    approvata.dataInizio,
    new Map(righe.map((r) => [r.id, r.al])),
  );
  for (const mod of modifiche) {
    const im = misure.get(mod.interventoMisuraId)!;
    const evento: InterventoMisuraModificatoV1 = {
      progettoId: approvata.id,
      cartellaId: cartella.id,
      personaId: cartella.personaId,
      versione: approvata.versione,
      subAmbito: cartella.subAmbito,
      comuneResidenza: cartella.comuneResidenza,
      interventoMisuraId: im.id,
      impegnoId: im.impegno_id,
      istanzaId: im.istanza_id,
      beneficioId: im.beneficio_id,
      modifiche: mod.modifiche,
      al: mod.al,
      sospensione: mod.sospensione,
      motivazione,
    };
    await outbox.append(m, PRESA_IN_CARICO_EVENTS.interventoMisuraModificato, evento);
  }
}
