import type {
  AvvisoMisuraV1,
  BeneficioV1,
  ErogazioneRunV1,
  GraduatoriaV1,
  LiquidazioniMeseV1,
  PaginaBeneficiV1,
  RecuperoV1,
} from '@ambito/contracts';
import { giornoInItalia } from '@ambito/kernel';
import { generatoreCasuale } from '@ambito/testing';
import type { DemoClient } from './demo-data';
import { ibanDemo, mesiDemo, piuGiorni } from './demo-liquidazioni-dati';
import { aGruppi, personaDemo } from './demo-misure-dati';

/*
 * The liquidazioni demo (issue 10, points 2-3), after the misure demo's B2 benefici (which start two
 * months ago): the payees of the benefici (a relative with a delega and an IBAN; two left to complete),
 * the month two months ago run and liquidated in the budget; then a death reported late (the person
 * died in the middle of that month) and a B1 newly held from the middle of last month (a suspension);
 * then last month run and liquidated: the month paid after the death becomes a recupero, the suspended
 * beneficio is paid pro rata, and the elenco di liquidazione of last month is there for the ragioneria.
 * Everything through the public API with the demo users, once (a later start finds last month's run).
 */

const UDP = 'udp';
/** Deaths are recorded at the front desk of the person's sub-ambito (the benefici's people live in Crema). */
const SPORTELLO = 'operatore.crema';
const ANNUALITA = 2025;
const PARALLELE = 8;
/** Benefici left without payee, so that the elenco shows rows to complete before the mandato. */
const SENZA_PAGAMENTO = 2;
const MIS = { 'x-finalita': 'istruttoria-misure', 'x-motivo': 'liquidazione mensile della Misura B2' };

export interface EsitoDemoLiquidazioni {
  created: boolean;
  /** AAAA-MM of last month, run and liquidated. */
  mese: string;
  mensilita: number;
  liquidatoCentesimi: number;
  sospesi: number;
  recuperi: number;
  daCompletare: number;
}

type Chiamata<T> = Promise<{ status: number; body: T }>;

async function ok<T>(passo: string, chiamata: Chiamata<T>, ammessi: number[] = []): Promise<T> {
  const { status, body } = await chiamata;
  if (status >= 300 && !ammessi.includes(status))
    throw new Error(`dati demo delle liquidazioni, ${passo}: HTTP ${status} ${JSON.stringify(body)}`);
  return body;
}

const pausa = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `prova` gives a value (not undefined), at most `secondi`. */
async function attendi<T>(passo: string, secondi: number, prova: () => Promise<T | undefined>): Promise<T> {
  const scadenza = Date.now() + secondi * 1000;
  for (;;) {
    const valore = await prova();
    if (valore !== undefined) return valore;
    if (Date.now() > scadenza) throw new Error(`dati demo delle liquidazioni: ${passo} non avvenuto`);
    await pausa(500);
  }
}

/** Every beneficio of the avviso (all pages). */
async function beneficiDi(api: DemoClient, avvisoId: string): Promise<BeneficioV1[]> {
  const tutti: BeneficioV1[] = [];
  for (let pagina = 1; ; pagina++) {
    const p = await ok(
      'benefici',
      api.call<PaginaBeneficiV1>(
        UDP,
        'GET',
        `/misure/benefici?avvisoId=${avvisoId}&pagina=${pagina}&perPagina=100`,
        undefined,
        MIS,
      ),
    );
    tutti.push(...p.elementi);
    if (p.elementi.length === 0 || tutti.length >= p.totale) return tutti;
  }
}

/** The monthly run of a month, to its end (an interrupted run is asked again: it resumes). */
async function eroga(api: DemoClient, mese: string): Promise<ErogazioneRunV1> {
  return attendi(`esecuzione mensile ${mese}`, 120, async () => {
    const run = await ok(
      `esecuzione ${mese}`,
      api.call<ErogazioneRunV1>(UDP, 'POST', '/misure/erogazioni', { mese }),
    );
    for (let i = 0; i < 20 && run.stato === 'in-corso'; i++) {
      await pausa(500);
      Object.assign(
        run,
        await ok('esecuzione', api.call<ErogazioneRunV1>(UDP, 'GET', `/misure/erogazioni/${run.id}`)),
      );
    }
    return run.stato === 'completata' ? run : undefined;
  });
}

/** The liquidazioni of a month in the budget, to their end (asked again while in progress or waiting). */
async function liquida(api: DemoClient, mese: string): Promise<LiquidazioniMeseV1> {
  return attendi(`liquidazione ${mese}`, 120, async () => {
    const esito = await ok(
      `liquidazione ${mese}`,
      api.call<LiquidazioniMeseV1>(UDP, 'POST', `/misure/liquidazioni/${mese}`, {}),
    );
    if (esito.stato === 'completate') return esito;
    await pausa(1000);
    const letto = await ok(
      'liquidazione',
      api.call<LiquidazioniMeseV1>(UDP, 'GET', `/misure/liquidazioni/${mese}`),
    );
    return letto.stato === 'completate' ? letto : undefined;
  });
}

/** The liquidazioni demo, once; nothing when the misure demo's B2 avviso is not there. */
export async function seedDemoLiquidazioni(api: DemoClient): Promise<EsitoDemoLiquidazioni | undefined> {
  const oggi = giornoInItalia();
  const { pagato, scorso } = mesiDemo(oggi);
  const mesePagato = pagato.slice(0, 7);
  const meseScorso = scorso.slice(0, 7);
  const avvisi = await ok(
    'avvisi',
    api.call<AvvisoMisuraV1[]>(UDP, 'GET', `/misure/avvisi?misura=b2&annualita=${ANNUALITA}`),
  );
  const b2 = avvisi.find((a) => a.stato === 'graduatorie-approvate' && a.decorrenza === pagato);
  if (!b2) return undefined;
  const runs = await ok(
    'esecuzioni',
    api.call<ErogazioneRunV1[]>(UDP, 'GET', `/misure/erogazioni?mese=${meseScorso}`),
  );
  if (runs.some((r) => r.stato === 'completata'))
    return {
      created: false,
      mese: meseScorso,
      mensilita: 0,
      liquidatoCentesimi: 0,
      sospesi: 0,
      recuperi: 0,
      daCompletare: 0,
    };

  // The benefici come from misure's own beneficio.concesso events: wait until every concessione is one.
  const graduatorie = await ok(
    'graduatorie',
    api.call<GraduatoriaV1[]>(UDP, 'GET', `/misure/avvisi/${b2.id}/graduatorie`),
  );
  const finanziate = graduatorie.reduce((t, g) => t + g.finanziate, 0);
  const benefici = await attendi('creazione dei benefici', 120, async () => {
    const tutti = await beneficiDi(api, b2.id);
    return tutti.length >= finanziate ? tutti : undefined;
  });
  benefici.sort((a, b) => a.istanzaId.localeCompare(b.istanzaId));

  // Payees: a relative with a delega and a checked IBAN; the last ones left to complete.
  const caso = generatoreCasuale(1003);
  const usati = new Set<string>();
  await aGruppi(benefici.slice(0, benefici.length - SENZA_PAGAMENTO), PARALLELE, (b, i) => {
    const delegato = personaDemo(caso, `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, usati);
    return ok(
      'coordinate di pagamento',
      api.call(
        UDP,
        'PUT',
        `/misure/benefici/${b.id}/pagamento`,
        {
          intestatario: 'delegato',
          nominativo: `${delegato.nome} ${delegato.cognome}`,
          codiceFiscale: delegato.codiceFiscale,
          iban: ibanDemo(10_000 + i),
          delega: `Delega del beneficiario, prot. DEMO-${1000 + i}`,
        },
        MIS,
      ),
    );
  });

  // The month two months ago: computed and liquidated in the budget.
  await eroga(api, mesePagato);
  await liquida(api, mesePagato);

  // A death reported late: the first buono-caregiver's person died on the 15th of that month.
  const mensili = benefici.filter((b) => b.strumento === 'buono-caregiver' && b.importoMensileCentesimi);
  const [deceduto, sospeso] = mensili.length >= 2 ? mensili : benefici;
  await ok(
    'decesso',
    api.call(SPORTELLO, 'POST', `/persone/${deceduto.personaId}/decesso`, {
      dataDecesso: piuGiorni(pagato, 14),
    }),
    [409],
  );
  // A B1 newly held from the 16th of last month suspends another beneficio.
  await ok(
    'sospensione',
    api.call(
      UDP,
      'POST',
      `/misure/benefici/${sospeso.id}/sospensioni`,
      {
        causa: 'misura-incompatibile',
        misura: 'b1',
        dal: piuGiorni(scorso, 15),
        motivazione: 'Comunicazione dell’ASST Crema: Misura B1 concessa',
      },
      MIS,
    ),
    [409],
  );
  // The death reaches misure as accesso's event: the beneficio ceases from that day.
  await attendi('cessazione per decesso', 60, async () => {
    const b = await ok(
      'beneficio',
      api.call<BeneficioV1>(UDP, 'GET', `/misure/benefici/${deceduto.id}`, undefined, MIS),
    );
    return b.stato === 'attivo' ? undefined : b;
  });

  // Last month: computed (the suspended beneficio pro rata) and liquidated; the recupero is found first.
  const run = await eroga(api, meseScorso);
  const liquidazioni = await liquida(api, meseScorso);
  const recuperi = await ok(
    'recuperi',
    api.call<RecuperoV1[]>(UDP, 'GET', `/misure/benefici/${deceduto.id}/recuperi`, undefined, MIS),
  );
  const elenco = await ok(
    'elenco',
    api.call<{ daCompletare: number }>(
      UDP,
      'GET',
      `/misure/liquidazioni/${meseScorso}/elenco?perPagina=1`,
      undefined,
      MIS,
    ),
  );
  return {
    created: true,
    mese: meseScorso,
    mensilita: run.mensilitaDelMese,
    liquidatoCentesimi: liquidazioni.importoLiquidatoCentesimi,
    sospesi: 1,
    recuperi: recuperi.length,
    daCompletare: elenco.daCompletare,
  };
}
