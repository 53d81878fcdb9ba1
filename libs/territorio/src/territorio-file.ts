import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TerritorioV1 } from '@ambito/contracts';
import {
  BELFIORE_PATTERN,
  FUNZIONI_SEDE,
  ISO_DATE_PATTERN,
  ISTAT_PATTERN,
  LIVELLI_SEDE,
  SEZIONI_TERRITORIO,
} from '@ambito/contracts';

/**
 * The ambito's territorio (comuni, sub-ambiti, sedi): one versioned file read by every service that
 * needs it. The demo seed is copied next to the compiled library by the builds of those services.
 */
export const DEFAULT_TERRITORIO_FILE = path.join(__dirname, 'seed', 'ambito-cremasco.v1.json');

const ORARIO = /^([01]\d|2[0-3]):[0-5]\d$/;
const GIORNI = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab'];

/** The territorio file is configuration owned by the ambito: a mistake stops the service at start. */
export class TerritorioNonValidoError extends Error {}

export function loadTerritorioFile(file: string = DEFAULT_TERRITORIO_FILE): TerritorioV1 {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TerritorioNonValidoError(
      `File del territorio illeggibile (${file}): ${(error as Error).message}`,
    );
  }
  const problems = checkTerritorio(data);
  if (problems.length > 0) {
    throw new TerritorioNonValidoError(
      `File del territorio non valido (${file}):\n  - ${problems.join('\n  - ')}`,
    );
  }
  return data as TerritorioV1;
}

/** Shape and referential integrity: every comune in one known sub-ambito, every sede in its sub-ambito. */
export function checkTerritorio(data: unknown): string[] {
  const problems: string[] = [];
  const t = data as Partial<TerritorioV1> | null;
  if (!t || typeof t !== 'object') return ['il contenuto non è un oggetto JSON'];
  if (!t.ambito?.codice || !t.ambito.denominazione)
    problems.push('ambito: codice e denominazione obbligatori');
  if (typeof t.versione !== 'string' || !t.versione) problems.push('versione obbligatoria');
  if (typeof t.validoDal !== 'string' || !ISO_DATE_PATTERN.test(t.validoDal))
    problems.push('validoDal: data AAAA-MM-GG');
  if (!Array.isArray(t.comuni) || !Array.isArray(t.subAmbiti))
    return [...problems, 'comuni e subAmbiti devono essere elenchi'];
  // Without sedi the comuni are still checked, so every problem is listed at once.
  if (!Array.isArray(t.sedi)) problems.push('sedi deve essere un elenco');
  const sediDaControllare = Array.isArray(t.sedi) ? t.sedi : [];

  if (t.illustrativo !== undefined) {
    const i = t.illustrativo;
    if (
      !i ||
      !Array.isArray(i.sezioni) ||
      i.sezioni.length === 0 ||
      !i.sezioni.every((s) => (SEZIONI_TERRITORIO as readonly string[]).includes(s)) ||
      typeof i.nota !== 'string' ||
      !i.nota
    )
      problems.push(`illustrativo: sezioni (${SEZIONI_TERRITORIO.join(', ')}) e nota obbligatorie`);
  }
  const distretti = new Set((t.ambito?.distretti ?? []).map((d) => d?.codice));

  const subAmbiti = new Set<string>();
  for (const s of t.subAmbiti) {
    if (s?.distretto !== undefined && !distretti.has(s.distretto))
      problems.push(`${s.codice}: distretto ${s.distretto} sconosciuto`);
    if (!s?.codice || !s.denominazione) problems.push(`sub-ambito senza codice o denominazione`);
    else if (subAmbiti.has(s.codice)) problems.push(`sub-ambito ${s.codice} ripetuto`);
    else subAmbiti.add(s.codice);
  }
  const comuni = new Map<string, string>();
  const belfiore = new Set<string>();
  for (const c of t.comuni) {
    const nome = c?.denominazione ?? c?.istat ?? '?';
    if (typeof c?.istat !== 'string' || !ISTAT_PATTERN.test(c.istat))
      problems.push(`${nome}: codice ISTAT di 6 cifre`);
    else if (comuni.has(c.istat)) problems.push(`comune ${c.istat} ripetuto`);
    if (typeof c?.belfiore !== 'string' || !BELFIORE_PATTERN.test(c.belfiore))
      problems.push(`${nome}: codice catastale non valido`);
    else if (belfiore.has(c.belfiore)) problems.push(`codice catastale ${c.belfiore} ripetuto`);
    else belfiore.add(c.belfiore);
    if (!Number.isInteger(c?.popolazione) || c.popolazione <= 0)
      problems.push(`${nome}: popolazione intera positiva`);
    if (typeof c?.popolazioneAl !== 'string' || !ISO_DATE_PATTERN.test(c.popolazioneAl))
      problems.push(`${nome}: popolazioneAl AAAA-MM-GG`);
    if (!subAmbiti.has(c?.subAmbito)) problems.push(`${nome}: sub-ambito ${c?.subAmbito} sconosciuto`);
    if (c?.istat) comuni.set(c.istat, c.subAmbito);
  }
  for (const s of t.subAmbiti) {
    if (s?.codice && comuni.get(s.comuneCapofila) !== s.codice)
      problems.push(`${s.codice}: il comune capofila ${s.comuneCapofila} non appartiene al sub-ambito`);
  }
  if (t.ambito?.comuneCapofila && !comuni.has(t.ambito.comuneCapofila))
    problems.push(`ambito: comune capofila ${t.ambito.comuneCapofila} sconosciuto`);
  const sedi = new Set<string>();
  for (const s of sediDaControllare) {
    const codice = s?.codice ?? '?';
    if (!s?.codice) problems.push('sede senza codice');
    else if (sedi.has(s.codice)) problems.push(`sede ${s.codice} ripetuta`);
    else sedi.add(s.codice);
    if (s?.tipo !== 'hub' && s?.tipo !== 'spoke') problems.push(`${codice}: tipo hub o spoke`);
    if (s?.funzioni !== undefined) {
      if (
        !Array.isArray(s.funzioni) ||
        s.funzioni.length === 0 ||
        !s.funzioni.every((f) => (FUNZIONI_SEDE as readonly string[]).includes(f))
      )
        problems.push(`${codice}: funzioni tra ${FUNZIONI_SEDE.join(', ')}`);
      else if (s.funzioni.includes('equipe') && s.tipo !== 'hub')
        problems.push(`${codice}: la sede dell’équipe è un hub`);
    }
    if (s?.livello !== undefined && !(LIVELLI_SEDE as readonly string[]).includes(s.livello))
      problems.push(`${codice}: livello ${LIVELLI_SEDE.join(' o ')}`);
    if (!subAmbiti.has(s?.subAmbito)) problems.push(`${codice}: sub-ambito ${s?.subAmbito} sconosciuto`);
    else if (comuni.get(s.comune) !== s.subAmbito)
      problems.push(`${codice}: il comune ${s.comune} non appartiene al sub-ambito ${s.subAmbito}`);
    for (const o of Array.isArray(s?.orari) ? s.orari : [null]) {
      if (
        !o ||
        !GIORNI.includes(o.giorno) ||
        !ORARIO.test(o.dalle) ||
        !ORARIO.test(o.alle) ||
        o.dalle >= o.alle
      )
        problems.push(`${codice}: orari non validi`);
    }
  }
  return problems;
}

/**
 * Production runs on the ambito's own territorio: with NODE_ENV=production the file must be named
 * (TERRITORIO_FILE) and must not be marked illustrativo. Null when the file is acceptable here.
 */
export function problemaTerritorioInProduzione(
  file: string | undefined,
  nodeEnv: string | undefined,
): string | null {
  if (nodeEnv !== 'production') return null;
  if (!file)
    return 'obbligatorio in produzione: il file del territorio dell’Ambito (il territorio dimostrativo non è ammesso)';
  let territorio: TerritorioV1;
  try {
    territorio = loadTerritorioFile(file);
  } catch (error) {
    return (error as Error).message;
  }
  if (territorio.illustrativo)
    return (
      `il file ${file} contiene dati illustrativi (${territorio.illustrativo.sezioni.join(', ')}) ` +
      `e non può essere usato in produzione: ${territorio.illustrativo.nota}`
    );
  return null;
}
