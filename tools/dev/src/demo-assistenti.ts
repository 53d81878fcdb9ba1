import { giornoInItalia } from '@ambito/kernel';
import type {
  CandidatiV1,
  CandidaturaV1,
  ContrattoV1,
  PersonaV1,
  PropostaAssistenteV1,
  RichiestaV1,
  TerritorioV1,
} from '@ambito/contracts';
import type { DemoClient } from './demo-data';
import { aGruppi } from './demo-misure-dati';
import {
  assistentiDemo,
  richiesteDemo,
  sportelliAssistenti,
  type AssistenteDemo,
  type RichiestaDemo,
} from './demo-assistenti-dati';

/*
 * The demo registro degli assistenti familiari (issue 11, point 8), loaded through the gateway as the
 * sportelli would: candidature received and decided (iscritte, a few rejected with their motivazione,
 * a few still to decide), consents to publish with varied fields (some later revoked), a few iscrizioni
 * cancelled at the assistant's request; then richieste of families, a few of them matched, proposed,
 * accepted by both and ending in a contract. Once: a second start finds the registro and stops. On a
 * territorio without a sportello assistenti familiari nothing is loaded.
 */

const UDP = 'udp';
const REGISTRO = {
  'x-finalita': 'registro-assistenti-familiari',
  'x-motivo': 'caricamento dati dimostrativi',
};
export const ASSISTENTI_DEMO = 300;
export const RICHIESTE_DEMO = 48;
/** Parallel calls: the services share the machine with the whole platform. */
const PARALLELE = 4;

/** The demo users who act at a sportello of their sub-ambito (the Ufficio di Piano acts at every one). */
const OPERATORI: Record<string, string> = {
  'SA-CREMA': 'operatore.crema',
  'SA-SONCINO': 'operatore.soncino',
};

/** The elderly people of the Cremasco demo (demo-data.ts): their families ask the sportello first. */
const PERSONE_CREMASCO = ['RSSMRA41C52D142R', 'BNCGPP38L05D150F', 'FRRNNA52S63D142T'];

type Chiamata<T> = Promise<{ status: number; body: T }>;

async function ok<T>(passo: string, chiamata: Chiamata<T>, atteso = [200, 201]): Promise<T> {
  const risposta = await chiamata;
  if (!atteso.includes(risposta.status))
    throw new Error(
      `dati demo assistenti familiari, ${passo}: HTTP ${risposta.status} ${JSON.stringify(risposta.body)}`,
    );
  return risposta.body;
}

export interface EsitoDemoAssistenti {
  created: boolean;
  sportelli: string[];
  iscritte: number;
  respinte: number;
  inAttesa: number;
  pubbliche: number;
  richieste: number;
  contratti: number;
  secondi: number;
}

export async function seedDemoAssistenti(api: DemoClient): Promise<EsitoDemoAssistenti> {
  const inizio = Date.now();
  const { body: territorio } = await api.call<TerritorioV1>(UDP, 'GET', '/territorio');
  const sportelli = sportelliAssistenti(territorio).map((s) => s.codice);
  const vuoto = {
    created: false,
    sportelli,
    iscritte: 0,
    respinte: 0,
    inAttesa: 0,
    pubbliche: 0,
    richieste: 0,
    contratti: 0,
    secondi: 0,
  };
  if (sportelli.length === 0) return vuoto;
  // Loaded already for these sportelli? (The same data directory may have served another territorio.)
  for (let pagina = 1; ; pagina++) {
    const esistenti = await ok(
      'registro',
      api.call<{ elementi: Array<{ sportello: string }>; totale: number }>(
        UDP,
        'GET',
        `/assistenti-familiari/iscrizioni?perPagina=200&pagina=${pagina}`,
        undefined,
        REGISTRO,
      ),
    );
    if (esistenti.elementi.some((e) => sportelli.includes(e.sportello))) return vuoto;
    if (pagina * 200 >= esistenti.totale) break;
  }

  const oggi = giornoInItalia();
  const chi = (sportello: string, i: number) => {
    const subAmbito = territorio.sedi.find((s) => s.codice === sportello)?.subAmbito ?? '';
    return OPERATORI[subAmbito] && i % 2 === 0 ? OPERATORI[subAmbito] : UDP;
  };
  const conta = { iscritte: 0, respinte: 0, inAttesa: 0, pubbliche: 0 };
  await aGruppi(
    assistentiDemo(territorio, ASSISTENTI_DEMO, oggi),
    PARALLELE,
    async (a: AssistenteDemo, i) => {
      const operatore = chi(a.candidatura.sportello, i);
      const chiave = (passo: string) => `demo-af:${a.candidatura.assistente.codiceFiscale}:${passo}`;
      const candidatura = await ok(
        'candidatura',
        api.scrivi<CandidaturaV1>(
          operatore,
          'POST',
          '/assistenti-familiari/candidature',
          a.candidatura,
          chiave('c'),
        ),
      );
      if (a.decisione === 'in-attesa') {
        conta.inAttesa++;
        return;
      }
      const decisa = await ok(
        'decisione',
        api.scrivi<CandidaturaV1>(
          operatore,
          'POST',
          `/assistenti-familiari/candidature/${candidatura.id}/decisione`,
          a.decisione === 'iscrivi'
            ? { decisione: 'iscrivi', documentiVerificati: true }
            : { decisione: 'respingi', documentiVerificati: true, motivazione: a.motivazione },
          chiave('d'),
        ),
      );
      if (a.decisione === 'respingi' || !decisa.iscrizioneId) {
        conta.respinte++;
        return;
      }
      conta.iscritte++;
      const iscrizione = `/assistenti-familiari/iscrizioni/${decisa.iscrizioneId}`;
      if (a.consenso.length > 0) {
        await ok(
          'consenso',
          api.scrivi(
            operatore,
            'PUT',
            `${iscrizione}/consenso`,
            { campi: a.consenso, documento: `CONS-${oggi.slice(0, 4)}-${i + 1}` },
            chiave('consenso'),
          ),
        );
        if (a.poi === 'revoca-consenso')
          await ok(
            'revoca',
            api.scrivi(operatore, 'DELETE', `${iscrizione}/consenso`, undefined, chiave('revoca')),
          );
        else if (a.poi !== 'cancellazione') conta.pubbliche++;
      }
      if (a.poi === 'cancellazione') {
        await ok(
          'cancellazione',
          api.scrivi(
            operatore,
            'POST',
            `${iscrizione}/cancellazione`,
            {
              causa: 'richiesta-interessato',
              motivazione: 'Rientro nel paese d’origine, comunicato allo sportello.',
            },
            chiave('cancellazione'),
          ),
        );
        conta.iscritte--;
      }
    },
  );

  // The families: the Cremasco demo's elderly people first (accesso knows them), then people of the
  // sportello's own records (ids of people not loaded in accesso's demo).
  const persone: string[] = [];
  const cremasco = territorio.subAmbiti.some((s) => s.codice === 'SA-CREMA');
  for (const cf of cremasco ? PERSONE_CREMASCO : []) {
    const trovata = await api.call<{ elementi: PersonaV1[] }>(
      'operatore.crema',
      'GET',
      `/persone?codiceFiscale=${cf}`,
    );
    if (trovata.status === 200 && trovata.body.elementi?.[0]) persone.push(trovata.body.elementi[0].id);
  }
  const richieste = richiesteDemo(territorio, RICHIESTE_DEMO, oggi);
  let contratti = 0;
  await aGruppi(richieste, PARALLELE, async (r: RichiestaDemo, i) => {
    const personaId = persone[i] ?? idDemo(territorio.ambito.codice, i);
    const operatore = chi(r.richiesta.sportello, i);
    const richiesta = await ok(
      'richiesta',
      api.scrivi<RichiestaV1>(
        operatore,
        'POST',
        '/assistenti-familiari/richieste',
        { ...r.richiesta, personaId },
        `demo-af:richiesta:${territorio.ambito.codice}:${i}`,
      ),
    );
    if (!r.contratto) return;
    const candidati = await ok(
      'candidati',
      api.call<CandidatiV1>(
        operatore,
        'GET',
        `/assistenti-familiari/richieste/${richiesta.id}/candidati?limite=3`,
        undefined,
        REGISTRO,
      ),
    );
    const scelto = candidati.candidati[0];
    if (!scelto) return;
    const proposta = await ok(
      'proposta',
      api.call<PropostaAssistenteV1>(
        operatore,
        'POST',
        `/assistenti-familiari/richieste/${richiesta.id}/proposte`,
        {
          iscrizioneId: scelto.iscrizioneId,
        },
      ),
    );
    for (const parte of ['famiglia', 'assistente'])
      await ok(
        'risposta',
        api.call(operatore, 'POST', `/assistenti-familiari/proposte/${proposta.id}/risposte`, {
          parte,
          risposta: 'accetta',
          colloquioIl: oggi,
        }),
      );
    const ore = r.richiesta.orari.reduce(
      (s, f) => s + Number(f.alle.slice(0, 2)) - Number(f.dalle.slice(0, 2)),
      0,
    );
    await ok(
      'contratto',
      api.call<ContrattoV1>(operatore, 'POST', '/assistenti-familiari/contratti', {
        richiestaId: richiesta.id,
        personaId,
        assistenteId: scelto.assistenteId,
        datore: i % 2 === 0 ? 'familiare' : 'assistito',
        livelloCcnl: r.richiesta.convivenza === 'necessaria' ? 'CS' : 'BS',
        oreSettimanali: Math.min(54, ore),
        convivente: r.richiesta.convivenza === 'necessaria',
        dataInizio: r.richiesta.dataInizio,
        costoMensileCentesimi: Math.min(54, ore) * 4 * 900,
        comunicazioneInps: `INPS-DEMO-${i + 1}`,
      }),
    );
    contratti++;
  });
  return {
    created: true,
    sportelli,
    ...conta,
    richieste: richieste.length,
    contratti,
    secondi: Math.round((Date.now() - inizio) / 1000),
  };
}

/** A stable id (UUID v4 shape) for the i-th family of the demo of an ambito. */
function idDemo(ambito: string, i: number): string {
  let h = 2166136261;
  for (const c of `${ambito}:${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const hex = (h.toString(16).padStart(8, '0') + (i + 1).toString(16).padStart(12, '0')).slice(0, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${String(i + 1).padStart(12, '0')}`;
}
