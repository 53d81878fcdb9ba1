import type {
  AttestazioneIseeV1,
  DatiIstanzaV1,
  FasciaV1,
  RegolaValutataV1,
  RegoleIseeV1,
  TipoIsee,
} from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta } from './contesto';
import { NOMI_TIPI_ISEE, data, elenco } from './formato';
import { fineAnno, ultimoGiornoDopoMesi } from './giorni';

/**
 * The last day an attestation is valid (rule 4): an ordinary DSU (of any type but corrente) until 31
 * December of its presentation year; an ISEE corrente for `correnteMesiValidita` months from its
 * presentation.
 */
export function scadenzaIsee(a: AttestazioneIseeV1, regole: RegoleIseeV1): string {
  return a.tipo === 'corrente'
    ? ultimoGiornoDopoMesi(a.dataPresentazione, regole.correnteMesiValidita)
    : fineAnno(a.dataPresentazione);
}

/** Valid on the day: presented by then and not expired. */
export const validaIl = (a: AttestazioneIseeV1, regole: RegoleIseeV1, giorno: string): boolean =>
  a.dataPresentazione <= giorno && scadenzaIsee(a, regole) >= giorno;

/** The types the band accepts, in order of preference: a valid corrente first when it substitutes (rule 5). */
function tipiAmmessi(fascia: FasciaV1, regole: RegoleIseeV1): TipoIsee[] {
  const richiesti = fascia.isee.tipi.filter((t) => t !== 'corrente');
  return regole.correnteSostituisce || fascia.isee.tipi.includes('corrente')
    ? ['corrente', ...richiesti]
    : richiesti;
}

/** Newest first; the DSU protocol breaks ties so the choice never depends on the input's order. */
const piuRecente = (a: AttestazioneIseeV1, b: AttestazioneIseeV1) =>
  a.dataPresentazione === b.dataPresentazione
    ? b.protocolloDsu.localeCompare(a.protocolloDsu)
    : b.dataPresentazione.localeCompare(a.dataPresentazione);

const descrivi = (a: AttestazioneIseeV1) =>
  `ISEE ${NOMI_TIPI_ISEE[a.tipo]} (DSU ${a.protocolloDsu}) presentato il ${data(a.dataPresentazione)}`;

export interface IseeScelto {
  /** The attestation the other ISEE rules use; null: none of an accepted type valid on the day. */
  usata: AttestazioneIseeV1 | null;
  regole: RegolaValutataV1[];
}

/**
 * ISEE_PRESENTE and ISEE_VALIDITA: an attestation of a type the band accepts (rule 4; a corrente
 * substitutes when the rule set says so, rule 5) and valid on the reference day. An expired one blocks
 * admission (non-soddisfatta). Bands without ISEE types ask for no ISEE.
 */
export function attestazioneIsee(
  dati: DatiIstanzaV1,
  fascia: FasciaV1 | null,
  regole: RegoleIseeV1,
  giorno: string,
): IseeScelto {
  if (!fascia || fascia.isee.tipi.length === 0) return { usata: null, regole: [] };
  const tipi = tipiAmmessi(fascia, regole);
  const nomiRichiesti = elenco(
    fascia.isee.tipi.map((t) => NOMI_TIPI_ISEE[t]),
    'o',
  );
  const sostituto =
    tipi.includes('corrente') && !fascia.isee.tipi.includes('corrente') ? ' (o corrente)' : '';
  const candidate = dati.isee.filter((a) => tipi.includes(a.tipo)).sort(piuRecente);
  if (candidate.length === 0)
    return {
      usata: null,
      regole: [
        nonSoddisfatta(
          'ISEE_PRESENTE',
          `Nessuna attestazione ISEE ${nomiRichiesti}${sostituto} fra quelle dichiarate`,
        ),
      ],
    };
  const presente = soddisfatta('ISEE_PRESENTE', `Attestazione ISEE ${nomiRichiesti}${sostituto} dichiarata`);
  for (const tipo of tipi) {
    const usata = candidate.find((a) => a.tipo === tipo && validaIl(a, regole, giorno));
    if (usata) {
      const alPosto =
        usata.tipo === 'corrente' && !fascia.isee.tipi.includes('corrente')
          ? `, in sostituzione dell’ISEE ${nomiRichiesti}`
          : '';
      return {
        usata,
        regole: [
          presente,
          soddisfatta(
            'ISEE_VALIDITA',
            `${descrivi(usata)}, valido fino al ${data(scadenzaIsee(usata, regole))}${alPosto}`,
          ),
        ],
      };
    }
  }
  const ultima = candidate[0];
  const perche =
    ultima.dataPresentazione > giorno
      ? `successivo al giorno di riferimento ${data(giorno)}`
      : `scaduto il ${data(scadenzaIsee(ultima, regole))}: non valido al ${data(giorno)}`;
  return {
    usata: null,
    regole: [presente, nonSoddisfatta('ISEE_VALIDITA', `${descrivi(ultima)}, ${perche}`)],
  };
}
