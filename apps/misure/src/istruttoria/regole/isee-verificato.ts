import type {
  AttestazioneIseeV1,
  DatiIstanzaV1,
  IseeVerificatoInpsV1,
  RegolaValutataV1,
} from '@ambito/contracts';
import { daVerificare, soddisfatta } from './contesto';
import { NOMI_TIPI_ISEE, data, euro, limita } from './formato';

const CODICE = 'ISEE_VERIFICA_INPS';

const descrivi = (valore: number, protocollo: string, presentata: string) =>
  `${euro(valore)} (DSU ${protocollo} del ${data(presentata)})`;

/**
 * ISEE_VERIFICA_INPS: the ISEE verified at INPS (ConsultazioneIndicatore, through integrazioni) takes the
 * place of the declared attestations of its type, so every ISEE rule (presence, validity, threshold,
 * ranking) judges the verified value; the omissions/discrepancies flag stays the declared one (the
 * indicatore does not carry it). A verified value or DSU other than the declared one is flagged for an
 * operator (da-verificare, both values in the reason); a DSU INPS did not find, or a consultation that
 * could not be made, too. The verified values are in the istruttoria's input, so it stays reproducible.
 */
export function applicaIseeVerificati(
  dati: DatiIstanzaV1,
  verificati: readonly IseeVerificatoInpsV1[] | undefined,
): { dati: DatiIstanzaV1; regole: RegolaValutataV1[] } {
  if (!verificati || verificati.length === 0) return { dati, regole: [] };
  let isee: AttestazioneIseeV1[] = [...dati.isee];
  const regole: RegolaValutataV1[] = [];
  for (const v of verificati) {
    const nome = NOMI_TIPI_ISEE[v.tipo];
    const dichiarate = dati.isee.filter((a) => a.tipo === v.tipo);
    const dichiarata = dichiarate[0];
    const comeDichiarata = dichiarata
      ? descrivi(dichiarata.valoreCentesimi, dichiarata.protocolloDsu, dichiarata.dataPresentazione)
      : 'nessuna attestazione';
    if (
      v.esito !== 'verificato' ||
      v.valoreCentesimi === null ||
      v.protocolloDsu === null ||
      v.dataPresentazione === null
    ) {
      const perche =
        v.esito === 'non-trovato'
          ? 'INPS non ha trovato una DSU valida'
          : 'non è stato possibile consultare INPS';
      regole.push(
        daVerificare(
          CODICE,
          limita(`ISEE ${nome}: ${perche}; dichiarato ${comeDichiarata}: la verifica un operatore`),
        ),
      );
      continue;
    }
    const verificata: AttestazioneIseeV1 = {
      tipo: v.tipo,
      valoreCentesimi: v.valoreCentesimi,
      protocolloDsu: v.protocolloDsu,
      dataPresentazione: v.dataPresentazione,
      difformita: dichiarate.some((a) => a.difformita),
    };
    isee = [...isee.filter((a) => a.tipo !== v.tipo), verificata];
    const uguale =
      dichiarata !== undefined &&
      dichiarata.valoreCentesimi === v.valoreCentesimi &&
      dichiarata.protocolloDsu === v.protocolloDsu;
    const comeVerificata = descrivi(v.valoreCentesimi, v.protocolloDsu, v.dataPresentazione);
    regole.push(
      uguale
        ? soddisfatta(
            CODICE,
            limita(`ISEE ${nome} verificato presso INPS: ${comeVerificata}, come dichiarato`),
          )
        : daVerificare(
            CODICE,
            limita(
              `ISEE ${nome} verificato presso INPS ${comeVerificata}, diverso dal dichiarato (${comeDichiarata}): l’istruttoria usa il valore verificato`,
            ),
          ),
    );
  }
  return { dati: { ...dati, isee }, regole };
}
