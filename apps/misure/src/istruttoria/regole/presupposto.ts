import type { ParentelaCaregiver, RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { data, euro } from './formato';

const PARENTELE: Readonly<Record<ParentelaCaregiver, string>> = {
  coniuge: 'coniuge',
  'unito-civilmente': 'unito civilmente',
  'convivente-di-fatto': 'convivente di fatto',
  'parente-1-grado': 'parente di 1° grado',
  'parente-2-grado': 'parente di 2° grado',
  'affine-1-grado': 'affine di 1° grado',
  'affine-2-grado': 'affine di 2° grado',
  'parente-3-grado': 'parente di 3° grado',
  altro: 'altro legame',
};

/** PRESUPPOSTO_CAREGIVER: a caregiver familiare within the rule set's kinships (L. 205/2017, rule 8). */
function caregiver(c: Contesto): RegolaValutataV1 {
  const cg = c.dati.caregiver;
  if (!cg) return nonSoddisfatta('PRESUPPOSTO_CAREGIVER', 'Nessun caregiver familiare indicato');
  const legame = `${PARENTELE[cg.parentela]}${cg.convivente ? ', convivente' : ''}`;
  return c.parametri.parenteleCaregiver.includes(cg.parentela)
    ? soddisfatta('PRESUPPOSTO_CAREGIVER', `Caregiver familiare: ${legame}`)
    : nonSoddisfatta(
        'PRESUPPOSTO_CAREGIVER',
        `Il caregiver indicato (${legame}) non rientra nei legami ammessi dalle regole (L. 205/2017)`,
      );
}

/** PRESUPPOSTO_CONTRATTO: the assistant's regular employment contract, in force on the day (rule 8). */
function contratto(c: Contesto): RegolaValutataV1 {
  const k = c.dati.contrattoAssistente;
  if (!k)
    return nonSoddisfatta(
      'PRESUPPOSTO_CONTRATTO',
      'Nessun contratto di lavoro dell’assistente familiare indicato',
    );
  const dati = `${k.oreSettimanali} ore settimanali dal ${data(k.dataInizio)}, costo mensile ${euro(k.costoMensileCentesimi)}`;
  return k.dataInizio <= c.giorno
    ? soddisfatta('PRESUPPOSTO_CONTRATTO', `Contratto dell’assistente familiare: ${dati}`)
    : nonSoddisfatta(
        'PRESUPPOSTO_CONTRATTO',
        `Il contratto dell’assistente familiare (${dati}) non è ancora in essere al ${data(c.giorno)}`,
      );
}

const ASSISTENTI = {
  diretto: 'assunto direttamente',
  ente: 'tramite un ente',
  professionista: 'professionista',
};

/**
 * PRESUPPOSTO_ASSISTENTE_PERSONALE (Pro.Vi., rule 17): a project without the caregiver familiare, with a
 * personal assistant. PRESUPPOSTO_VITA_INDIPENDENTE (B2 vita indipendente): a project with a personal
 * assistant.
 */
function assistentePersonale(c: Contesto, codice: string, senzaCaregiver: boolean): RegolaValutataV1 {
  const p = c.dati.proVi;
  if (!p) return nonSoddisfatta(codice, 'Manca la descrizione del progetto di vita indipendente');
  if (senzaCaregiver && !p.senzaCaregiver)
    return nonSoddisfatta(codice, 'Il progetto non si realizza senza il caregiver familiare');
  if (!p.assistentePersonale)
    return nonSoddisfatta(codice, 'Il progetto non prevede un assistente personale');
  return soddisfatta(
    codice,
    `Progetto ${senzaCaregiver ? 'senza caregiver familiare, ' : ''}con assistente personale ${ASSISTENTI[p.assistentePersonale]}`,
  );
}

/** The strumento's own presupposto (rules 8, 17): nothing when it needs none or is unknown. */
export function presupposto(c: Contesto): RegolaValutataV1[] {
  switch (c.strumento?.presupposto) {
    case 'caregiver-familiare':
      return [caregiver(c)];
    case 'contratto-assistente':
      return [contratto(c)];
    case 'assistente-personale':
      return [assistentePersonale(c, 'PRESUPPOSTO_ASSISTENTE_PERSONALE', true)];
    case 'progetto-vita-indipendente':
      return [assistentePersonale(c, 'PRESUPPOSTO_VITA_INDIPENDENTE', false)];
    case 'nessuno':
    case undefined:
      return [];
  }
}
