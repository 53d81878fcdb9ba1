import type { ModificaInterventoMisura } from '@ambito/contracts';

/** An intervento of a progetto version linked to an intervento from the misure (a beneficio). */
export interface LegameMisura {
  interventoMisuraId: string;
  /** The intervento's last day in that version. */
  al: string;
  sospensione: { dal: string; al: string | null } | null;
}

/** What an approved version says now of one intervento from the misure, and what it changed. */
export interface ModificaMisura {
  interventoMisuraId: string;
  modifiche: ModificaInterventoMisura[];
  al: string;
  sospensione: { dal: string; al: string | null } | null;
}

const giornoPrima = (giorno: string): string => {
  const d = new Date(`${giorno}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const stessaSospensione = (a: LegameMisura['sospensione'], b: LegameMisura['sospensione']): boolean =>
  a === b || (a !== null && b !== null && a.dal === b.dal && a.al === b.al);

/**
 * What an approved version changed of the interventi from the misure, compared with the version it
 * replaces (issue 10, point 1: the change flows back to the beneficio):
 *  - an intervento linked in the replaced version and left out of the new one is `terminato`: it ends the
 *    day before the new version begins (or on its own last day, if earlier);
 *  - a linked intervento whose last day differs from the replaced version's — or, when first linked,
 *    from the concessione's end (`fineConcessione`) — has its `fine-modificata`;
 *  - a suspension stated, changed or removed is `sospensione-modificata`.
 * Nothing else is told: an approval that leaves them as they were changes no beneficio.
 */
export function modificheInterventiMisura(
  sostituita: readonly LegameMisura[],
  nuova: readonly LegameMisura[],
  inizioNuova: string,
  fineConcessione: ReadonlyMap<string, string>,
): ModificaMisura[] {
  const prima = new Map(sostituita.map((l) => [l.interventoMisuraId, l]));
  const dopo = new Set(nuova.map((l) => l.interventoMisuraId));
  const modifiche: ModificaMisura[] = [];
  for (const l of sostituita)
    if (!dopo.has(l.interventoMisuraId)) {
      const fine = giornoPrima(inizioNuova);
      modifiche.push({
        interventoMisuraId: l.interventoMisuraId,
        modifiche: ['terminato'],
        al: l.al < fine ? l.al : fine,
        sospensione: l.sospensione,
      });
    }
  for (const l of nuova) {
    const base = prima.get(l.interventoMisuraId) ?? {
      interventoMisuraId: l.interventoMisuraId,
      al: fineConcessione.get(l.interventoMisuraId) ?? l.al,
      sospensione: null,
    };
    const cosa: ModificaInterventoMisura[] = [];
    if (l.al !== base.al) cosa.push('fine-modificata');
    if (!stessaSospensione(l.sospensione, base.sospensione)) cosa.push('sospensione-modificata');
    if (cosa.length > 0)
      modifiche.push({
        interventoMisuraId: l.interventoMisuraId,
        modifiche: cosa,
        al: l.al,
        sospensione: l.sospensione,
      });
  }
  return modifiche;
}
