import {
  DomainError,
  type CampoPubblicabile,
  type SchedaAssistenteV1,
  type TerritorioV1,
} from '@ambito/contracts';
import { slotDelleFasce } from './disponibilita';

/** The areas are comuni of the ambito; the availability bands run forwards. */
export function verificaScheda(scheda: SchedaAssistenteV1, territorio: TerritorioV1, campo = 'scheda'): void {
  slotDelleFasce(scheda.disponibilita, `${campo}.disponibilita`);
  const comuni = new Set(territorio.comuni.map((c) => c.istat));
  const fuori = scheda.aree.filter((a) => !comuni.has(a));
  if (fuori.length > 0)
    throw new DomainError('COMUNE_SCONOSCIUTO', 'Aree servite fuori dall’Ambito.', [
      { campo: `${campo}.aree`, messaggi: [`comuni non dell’Ambito: ${fuori.join(', ')}`] },
    ]);
}

type CampoScheda = Exclude<CampoPubblicabile, 'nome'>;

/** Each field of the scheda in a form where equal means unchanged (sets sorted, hours as slots). */
const FORMA: Record<CampoScheda, (s: SchedaAssistenteV1) => unknown> = {
  competenze: (s) => [...s.competenze].sort(),
  // jsonb keeps an object's keys in its own order: compare them sorted.
  formazione: (s) =>
    s.formazione.map((f) => Object.fromEntries(Object.entries(f).sort(([a], [b]) => a.localeCompare(b)))),
  disponibilita: (s) => slotDelleFasce(s.disponibilita),
  lingue: (s) => [...s.lingue].sort(),
  aree: (s) => [...s.aree].sort(),
  convivente: (s) => s.convivente,
  esperienzaMesi: (s) => s.esperienzaMesi,
};

/** The fields of the scheda an edit changes. */
export function campiCambiati(prima: SchedaAssistenteV1, dopo: SchedaAssistenteV1): CampoScheda[] {
  return (Object.keys(FORMA) as CampoScheda[]).filter(
    (c) => JSON.stringify(FORMA[c](prima)) !== JSON.stringify(FORMA[c](dopo)),
  );
}

/**
 * What the public list shows differently after an edit: a changed field published before or after,
 * and the fields the new consent publishes or withdraws. Empty: the public view is the same.
 */
export function campiPubbliciCambiati(
  cambiati: readonly CampoPubblicabile[],
  consensoPrima: readonly CampoPubblicabile[],
  consensoDopo: readonly CampoPubblicabile[],
): CampoPubblicabile[] {
  const prima = new Set(consensoPrima);
  const dopo = new Set(consensoDopo);
  const campi = new Set<CampoPubblicabile>(cambiati.filter((c) => prima.has(c) || dopo.has(c)));
  for (const c of prima) if (!dopo.has(c)) campi.add(c);
  for (const c of dopo) if (!prima.has(c)) campi.add(c);
  return [...campi].sort();
}
