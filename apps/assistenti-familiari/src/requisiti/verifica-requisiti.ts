import type {
  DatiAssistenteV1,
  DichiarazioniCandidaturaV1,
  ParametriRequisitiV1,
  RequisitoVerificatoV1,
  TitoloDichiaratoV1,
  VerificaRequisitiV1,
} from '@ambito/contracts';

/** The version of the requirements a check applies: its id and number are recorded with the result. */
export interface RequisitiApplicati {
  id: string;
  versione: number;
  parametri: ParametriRequisitiV1;
}

const ok = (codice: string, motivo: string): RequisitoVerificatoV1 => ({
  codice,
  esito: 'soddisfatto',
  motivo,
});
const no = (codice: string, motivo: string): RequisitoVerificatoV1 => ({
  codice,
  esito: 'non-soddisfatto',
  motivo,
});
const na = (codice: string, motivo: string): RequisitoVerificatoV1 => ({
  codice,
  esito: 'non-applicabile',
  motivo,
});

/** Full years between a birth day and a day (both AAAA-MM-GG). */
export function anniCompiuti(nascita: string, giorno: string): number {
  const [an, mn, gn] = nascita.split('-').map(Number);
  const [a, m, g] = giorno.split('-').map(Number);
  return a - an - (m < mn || (m === mn && g < gn) ? 1 : 0);
}

/** What a title is, in words an operator reads. */
const NOMI_TITOLI: Record<TitoloDichiaratoV1['tipo'], string> = {
  'titolo-ue-traduzione-asseverata': 'titolo UE/SEE/CH con traduzione asseverata',
  'attestato-160-ore': 'attestato di altra Regione',
  'qualifica-asa-oss': 'qualifica ASA/OSS',
  'attestato-regionale-assistente-familiare': 'attestato regionale di assistente familiare',
  'esperienza-12-mesi': 'esperienza con regolare contratto',
};

/** Why a declared title does not count, or null when it does. */
function difettoTitolo(t: TitoloDichiaratoV1, p: ParametriRequisitiV1, ue: boolean): string | null {
  if (!p.titoliAmmessi.includes(t.tipo)) return `${NOMI_TITOLI[t.tipo]}: non ammesso da questi requisiti`;
  if (!ue && !p.titoliExtraUe.includes(t.tipo))
    return `${NOMI_TITOLI[t.tipo]}: non ammesso per i cittadini extra-UE (art. 7 c. 4)`;
  if (t.tipo === 'attestato-160-ore' && (t.ore ?? 0) < p.oreMinimeAttestato)
    return `${NOMI_TITOLI[t.tipo]} di ${t.ore ?? 0} ore: ne servono almeno ${p.oreMinimeAttestato}`;
  if (t.tipo === 'esperienza-12-mesi' && (t.mesi ?? 0) < p.mesiMinimiEsperienza)
    return `${NOMI_TITOLI[t.tipo]} di ${t.mesi ?? 0} mesi: ne servono almeno ${p.mesiMinimiEsperienza}`;
  return null;
}

function titolo(d: DichiarazioniCandidaturaV1, p: ParametriRequisitiV1, ue: boolean): RequisitoVerificatoV1 {
  if (d.titoli.length === 0) return no('TITOLO', 'Nessun titolo dichiarato: ne serve almeno uno');
  const valido = d.titoli.find((t) => difettoTitolo(t, p, ue) === null);
  if (valido)
    return ok(
      'TITOLO',
      `Titolo valido: ${NOMI_TITOLI[valido.tipo]} (${valido.descrizione}, documento ${valido.documento})`,
    );
  return no('TITOLO', `Nessun titolo valido. ${d.titoli.map((t) => difettoTitolo(t, p, ue)).join('; ')}`);
}

function permesso(d: DichiarazioniCandidaturaV1, p: ParametriRequisitiV1, ue: boolean, giorno: string) {
  if (ue) return na('PERMESSO_SOGGIORNO', 'Cittadino UE/SEE/CH: permesso di soggiorno non richiesto');
  const ps = d.permessoSoggiorno;
  if (!ps) return no('PERMESSO_SOGGIORNO', 'Cittadino extra-UE senza permesso di soggiorno dichiarato');
  if (p.permessoPerLavoroExtraUe && !ps.validoPerLavoro)
    return no('PERMESSO_SOGGIORNO', `Permesso «${ps.tipo}» non valido per lavoro subordinato`);
  if (ps.scadenza !== null && ps.scadenza < giorno)
    return no('PERMESSO_SOGGIORNO', `Permesso di soggiorno scaduto il ${ps.scadenza}`);
  return ok(
    'PERMESSO_SOGGIORNO',
    `Permesso «${ps.tipo}» valido per lavoro ${ps.scadenza ? `fino al ${ps.scadenza}` : 'a tempo indeterminato'} (documento ${ps.documento})`,
  );
}

function lingua(a: DatiAssistenteV1, d: DichiarazioniCandidaturaV1, p: ParametriRequisitiV1) {
  const regola = p.provaLingua;
  if (regola.cittadinanzeEsenti.includes(a.cittadinanza))
    return na('LINGUA_ITALIANA', `Cittadinanza ${a.cittadinanza}: prova della lingua non richiesta`);
  const prova = d.provaLingua;
  const ammessi = regola.modiAmmessi.join(', ');
  if (!prova)
    return no('LINGUA_ITALIANA', `Nessuna prova della lingua italiana: l’Ambito ammette ${ammessi}`);
  if (!regola.modiAmmessi.includes(prova.modo))
    return no('LINGUA_ITALIANA', `Prova «${prova.modo}» non ammessa dall’Ambito, che ammette ${ammessi}`);
  if (prova.modo === 'certificato-a2') {
    const enti = regola.entiCertificatoriA2;
    const ente = prova.ente?.trim().toLowerCase();
    if (!ente || !enti.some((e) => e.toLowerCase() === ente))
      return no(
        'LINGUA_ITALIANA',
        `Certificato A2 di un ente non riconosciuto (${prova.ente ?? 'non indicato'}): ${enti.join(', ')}`,
      );
  }
  if (prova.modo !== 'autodichiarazione' && !prova.documento)
    return no('LINGUA_ITALIANA', `Prova «${prova.modo}» senza riferimento del documento`);
  return ok(
    'LINGUA_ITALIANA',
    `Prova della lingua italiana: ${prova.modo}${prova.ente ? ` (${prova.ente})` : ''}`,
  );
}

/**
 * Checks a candidatura against one version of the requirements on a day: each requirement with its
 * outcome and reason, in the order an operator reads them. Pure and deterministic: the same inputs and
 * version give the same result, recorded with the candidatura. Codes: apps/assistenti-familiari/README.md.
 */
export function verificaRequisiti(
  assistente: DatiAssistenteV1,
  d: DichiarazioniCandidaturaV1,
  requisiti: RequisitiApplicati,
  giorno: string,
): VerificaRequisitiV1 {
  const p = requisiti.parametri;
  const ue = p.paesiUe.includes(assistente.cittadinanza);
  const eta = anniCompiuti(assistente.dataNascita, giorno);
  const regole: RequisitoVerificatoV1[] = [
    eta >= p.etaMinima
      ? ok('ETA_MINIMA', `${eta} anni compiuti (minimo ${p.etaMinima})`)
      : no('ETA_MINIMA', `${eta} anni compiuti: ne servono almeno ${p.etaMinima}`),
    d.assenzaCondanne && d.assenzaProcedimentiPendenti
      ? ok('ASSENZA_CONDANNE', 'Dichiarata l’assenza di condanne e di procedimenti penali pendenti')
      : no(
          'ASSENZA_CONDANNE',
          !d.assenzaCondanne
            ? 'Non dichiarata l’assenza di condanne penali'
            : 'Non dichiarata l’assenza di procedimenti penali pendenti',
        ),
    permesso(d, p, ue, giorno),
    titolo(d, p, ue),
    lingua(assistente, d, p),
  ];
  return {
    esito: regole.some((r) => r.esito === 'non-soddisfatto') ? 'non-idoneo' : 'idoneo',
    requisitiId: requisiti.id,
    versioneRequisiti: requisiti.versione,
    giorno,
    cittadinoUe: ue,
    requisiti: regole,
  };
}
