import type { SospensioneInterventoMisuraV1, StatoInterventoMisura } from '@ambito/contracts';

/** One event of a beneficio as misure published it (evento_beneficio). */
export interface EventoBeneficio {
  eventoId: string;
  tipo: 'sospeso' | 'ripreso' | 'revocato' | 'cessato' | 'liquidato';
  beneficioId: string;
  sospensioneId: string | null;
  dal: string | null;
  al: string | null;
  mese: string | null;
  liquidazioneId: string | null;
  liquidatoCentesimi: number | null;
  /** When misure wrote it (the envelope's occurredAt, ISO). */
  avvenutoIl: string;
}

/** What the events say of the beneficio, whatever order they arrived in. */
export interface StatoDerivato {
  beneficioId: string | null;
  stato: Exclude<StatoInterventoMisura, 'sospeso'>;
  terminaDal: string | null;
  sospensioni: SospensioneInterventoMisuraV1[];
  mesiLiquidati: number;
  ultimoMeseLiquidato: string | null;
  liquidatoCentesimi: number;
}

/** In misure's order: by the time it wrote them; a suspension's reopening before its end in one instant. */
const RANGO: Record<EventoBeneficio['tipo'], number> = {
  sospeso: 0,
  ripreso: 1,
  revocato: 2,
  cessato: 2,
  liquidato: 3,
};

const giornoPrima = (giorno: string): string => {
  const d = new Date(`${giorno}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The state of an intervento from misure, derived from all the events of its beneficio (a pure function:
 * the consumers store every event as it comes and derive again, so an event late, early or repeated
 * changes nothing that the others do not support):
 *  - a suspension is its last `sospeso` (period) as changed by a later `ripreso` (it ends the day before
 *    the day payments resume; a resumption on or before its first day means misure annulled it);
 *  - misure ends a beneficio again only from an earlier day: the earliest `revocato`/`cessato` wins;
 *  - the months liquidated are counted once per month, the amount once per liquidazione.
 */
export function derivaStato(eventi: readonly EventoBeneficio[]): StatoDerivato {
  const ordinati = [...eventi].sort(
    (a, b) => a.avvenutoIl.localeCompare(b.avvenutoIl) || RANGO[a.tipo] - RANGO[b.tipo],
  );
  const sospensioni = new Map<string, { dal: string; al: string | null } | null>();
  let fine: { stato: 'revocato' | 'cessato'; dal: string } | null = null;
  const mesi = new Set<string>();
  const liquidazioni = new Map<string, number>();
  for (const e of ordinati) {
    switch (e.tipo) {
      case 'sospeso':
        if (e.sospensioneId && e.dal) sospensioni.set(e.sospensioneId, { dal: e.dal, al: e.al });
        break;
      case 'ripreso': {
        const s = e.sospensioneId ? sospensioni.get(e.sospensioneId) : undefined;
        if (!s || !e.dal || !e.sospensioneId) break;
        sospensioni.set(e.sospensioneId, e.dal <= s.dal ? null : { dal: s.dal, al: giornoPrima(e.dal) });
        break;
      }
      case 'revocato':
      case 'cessato':
        if (e.dal && (!fine || e.dal <= fine.dal)) fine = { stato: e.tipo, dal: e.dal };
        break;
      case 'liquidato':
        if (e.mese) mesi.add(e.mese);
        if (e.liquidazioneId) liquidazioni.set(e.liquidazioneId, e.liquidatoCentesimi ?? 0);
        break;
    }
  }
  const f = fine as { stato: 'revocato' | 'cessato'; dal: string } | null;
  return {
    beneficioId: ordinati.find((e) => e.beneficioId)?.beneficioId ?? null,
    stato: f?.stato ?? 'attivo',
    terminaDal: f?.dal ?? null,
    sospensioni: [...sospensioni.entries()]
      .filter((v): v is [string, { dal: string; al: string | null }] => v[1] !== null)
      .map(([sospensioneId, s]) => ({ sospensioneId, dal: s.dal, al: s.al }))
      .sort((a, b) => a.dal.localeCompare(b.dal) || a.sospensioneId.localeCompare(b.sospensioneId)),
    mesiLiquidati: mesi.size,
    ultimoMeseLiquidato: [...mesi].sort().pop() ?? null,
    liquidatoCentesimi: [...liquidazioni.values()].reduce((t, v) => t + v, 0),
  };
}

/** `sospeso` while a suspension covers `oggi` (and the beneficio has not ended by then). */
export function statoAl(
  s: Pick<StatoDerivato, 'stato' | 'terminaDal' | 'sospensioni'>,
  oggi: string,
): StatoInterventoMisura {
  if (s.stato !== 'attivo') return s.stato;
  return s.sospensioni.some((x) => x.dal <= oggi && (x.al === null || x.al >= oggi)) ? 'sospeso' : 'attivo';
}
