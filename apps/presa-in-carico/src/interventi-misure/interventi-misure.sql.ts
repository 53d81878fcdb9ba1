import type { EntityManager } from 'typeorm';
import type { BeneficioConcessoV1, InterventoMisuraV1 } from '@ambito/contracts';
import { derivaStato, statoAl, type EventoBeneficio, type StatoDerivato } from './stato-intervento';

/*
 * The interventi from the misure in SQL (tables of AddInterventiMisure1796048000000). Dates travel as
 * `YYYY-MM-DD` text, amounts as the bigint text pg returns (Number() where read).
 */

/**
 * The events of one concessione wait for each other: a transaction-scoped lock on its impegno, taken
 * before anything is read, so the derivation of one sees what the other committed.
 */
export async function bloccaConcessione(m: EntityManager, impegnoId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('intervento-misura:' || $1))`, [impegnoId]);
}

/** The intervento of a concessione; `false` when it already had one (a repeated concessione). */
export async function inserisciIntervento(
  m: EntityManager,
  p: BeneficioConcessoV1,
  evento: { id: string; occurredAt: string },
  id: string,
): Promise<boolean> {
  const righe = await m.query<Array<{ id: string }>>(
    `INSERT INTO intervento_misura (id, impegno_id, istanza_id, persona_id, avviso_id, graduatoria_id, misura,
       strumento, importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea, fondo, anno_fondo,
       causa_concessione, evento_id, concesso_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT ON CONSTRAINT uq_intervento_misura_impegno DO NOTHING
     RETURNING id`,
    [
      id,
      p.impegnoId,
      p.istanzaId,
      p.personaId,
      p.avvisoId,
      p.graduatoriaId,
      p.misura,
      p.strumento,
      p.importoMensileCentesimi,
      p.importoTotaleCentesimi,
      p.dal,
      p.al,
      p.linea,
      p.fondo,
      p.annoFondo,
      p.causa,
      evento.id,
      evento.occurredAt,
    ],
  );
  return righe.length === 1;
}

/** The impegno of a concessione known by its istanza only (events written before they named it). */
export async function impegnoDellIstanza(m: EntityManager, istanzaId: string): Promise<string | null> {
  const [r] = await m.query<Array<{ impegno_id: string }>>(
    `SELECT impegno_id FROM intervento_misura WHERE istanza_id = $1 ORDER BY concesso_il LIMIT 1`,
    [istanzaId],
  );
  return r?.impegno_id ?? null;
}

export type NuovoEventoBeneficio = EventoBeneficio & { impegnoId: string | null; istanzaId: string | null };

/** Keeps an event as it came; `false` if it was kept already. */
export async function registraEvento(m: EntityManager, e: NuovoEventoBeneficio): Promise<boolean> {
  const righe = await m.query<Array<{ evento_id: string }>>(
    `INSERT INTO evento_beneficio (evento_id, tipo, beneficio_id, impegno_id, istanza_id, sospensione_id, dal, al,
       mese, liquidazione_id, liquidato_centesimi, avvenuto_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (evento_id) DO NOTHING RETURNING evento_id`,
    [
      e.eventoId,
      e.tipo,
      e.beneficioId,
      e.impegnoId,
      e.istanzaId,
      e.sospensioneId,
      e.dal,
      e.al,
      e.mese,
      e.liquidazioneId,
      e.liquidatoCentesimi,
      e.avvenutoIl,
    ],
  );
  return righe.length === 1;
}

/**
 * Derives the intervento's state again from every event of its beneficio (those naming its impegno,
 * and older ones naming only its istanza). Nothing when the concessione has not arrived yet: it derives
 * the state itself when it does.
 */
export async function aggiornaIntervento(m: EntityManager, impegnoId: string): Promise<StatoDerivato | null> {
  const [intervento] = await m.query<Array<{ id: string; istanza_id: string }>>(
    `SELECT id, istanza_id FROM intervento_misura WHERE impegno_id = $1 FOR UPDATE`,
    [impegnoId],
  );
  if (!intervento) return null;
  const righe = await m.query<
    Array<{
      evento_id: string;
      tipo: EventoBeneficio['tipo'];
      beneficio_id: string;
      sospensione_id: string | null;
      dal: string | null;
      al: string | null;
      mese: string | null;
      liquidazione_id: string | null;
      liquidato_centesimi: string | null;
      avvenuto_il: Date;
    }>
  >(
    `SELECT evento_id, tipo, beneficio_id, sospensione_id, dal::text AS dal, al::text AS al, mese,
            liquidazione_id, liquidato_centesimi, avvenuto_il
       FROM evento_beneficio
      WHERE impegno_id = $1 OR (impegno_id IS NULL AND istanza_id = $2)`,
    [impegnoId, intervento.istanza_id],
  );
  const stato = derivaStato(
    righe.map((r) => ({
      eventoId: r.evento_id,
      tipo: r.tipo,
      beneficioId: r.beneficio_id,
      sospensioneId: r.sospensione_id,
      dal: r.dal,
      al: r.al,
      mese: r.mese,
      liquidazioneId: r.liquidazione_id,
      liquidatoCentesimi: r.liquidato_centesimi === null ? null : Number(r.liquidato_centesimi),
      avvenutoIl: r.avvenuto_il.toISOString(),
    })),
  );
  await m.query(
    `UPDATE intervento_misura
        SET beneficio_id = $2, stato = $3, termina_dal = $4, sospensioni = $5, mesi_liquidati = $6,
            ultimo_mese_liquidato = $7, liquidato_centesimi = $8, aggiornato_il = now()
      WHERE id = $1`,
    [
      intervento.id,
      stato.beneficioId,
      stato.stato,
      stato.terminaDal,
      JSON.stringify(stato.sospensioni),
      stato.mesiLiquidati,
      stato.ultimoMeseLiquidato,
      stato.liquidatoCentesimi,
    ],
  );
  return stato;
}

interface InterventoRow {
  id: string;
  istanza_id: string;
  impegno_id: string;
  beneficio_id: string | null;
  misura: string;
  strumento: string;
  importo_mensile_centesimi: string | null;
  importo_totale_centesimi: string;
  dal: string;
  al: string;
  linea: string;
  fondo: string;
  anno_fondo: number;
  stato: StatoDerivato['stato'];
  termina_dal: string | null;
  sospensioni: StatoDerivato['sospensioni'];
  mesi_liquidati: number;
  ultimo_mese_liquidato: string | null;
  liquidato_centesimi: string;
}

/** The interventi from the misure of a person, the latest granted first; `sospeso` as of `oggi`. */
export async function interventiDellaPersona(
  m: EntityManager,
  personaId: string,
  oggi: string,
): Promise<InterventoMisuraV1[]> {
  const righe = await m.query<InterventoRow[]>(
    `SELECT id, istanza_id, impegno_id, beneficio_id, misura, strumento, importo_mensile_centesimi,
            importo_totale_centesimi, dal::text AS dal, al::text AS al, linea, fondo, anno_fondo, stato,
            termina_dal::text AS termina_dal, sospensioni, mesi_liquidati, ultimo_mese_liquidato,
            liquidato_centesimi
       FROM intervento_misura WHERE persona_id = $1 ORDER BY dal DESC, concesso_il DESC, id`,
    [personaId],
  );
  return righe.map((r) => ({
    id: r.id,
    istanzaId: r.istanza_id,
    impegnoId: r.impegno_id,
    beneficioId: r.beneficio_id,
    misura: r.misura,
    strumento: r.strumento,
    importoMensileCentesimi:
      r.importo_mensile_centesimi === null ? null : Number(r.importo_mensile_centesimi),
    importoTotaleCentesimi: Number(r.importo_totale_centesimi),
    dal: r.dal,
    al: r.al,
    linea: r.linea,
    fondo: r.fondo,
    annoFondo: r.anno_fondo,
    stato: statoAl({ stato: r.stato, terminaDal: r.termina_dal, sospensioni: r.sospensioni }, oggi),
    terminaDal: r.termina_dal,
    sospensioni: r.sospensioni,
    mesiLiquidati: r.mesi_liquidati,
    ultimoMeseLiquidato: r.ultimo_mese_liquidato,
    liquidatoCentesimi: Number(r.liquidato_centesimi),
  }));
}
