import {
  MISURE_RPC,
  type InputIstruttoriaV1,
  type ParametriRegoleV1,
  type ValutazioneIstanzaV1,
} from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { RIESAME_ISTRUTTORIE, type RiesameIstruttorie } from '../fonti/fonti-istanza';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { avvisoPubblicato, istanza, persona } from '../../test/istanze-di-prova';
import { valutaIstanza } from './valuta-istanza';

const { presentaIstanza, modificaIstanza, elencaIstruttorie, decidiIstruttoria, riesaminaIstanza } =
  MISURE_RPC;

describe('istruttoria: history, operator decisions, re-runs, reproducibility', () => {
  let svc: TestMisure;
  let avvisoId: string;

  beforeAll(async () => {
    svc = await startTestMisure();
    avvisoId = await avvisoPubblicato(svc);
  });
  afterAll(async () => {
    await svc?.close();
  });

  const eventi = (tipo: string, istanzaId: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message
        WHERE type = $1 AND envelope->'payload'->>'istanzaId' = $2 ORDER BY created_at`,
      [tipo, istanzaId],
    );

  it('keeps every istruttoria of an istanza, with its cause, rule set and snapshot', async () => {
    const personaId = persona(svc);
    const presentata = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    const nuova = istanza(avvisoId, personaId, {}, { iseeEuro: 9_000 });
    await svc.as(ATTORI.operatore)(modificaIstanza, {
      id: presentata.id,
      dichiarazioni: nuova.dichiarazioni,
      documenti: nuova.documenti,
    });
    const storia = await svc.as(ATTORI.asCrema)(elencaIstruttorie, { istanzaId: presentata.id });
    expect(storia.map((i) => [i.numero, i.causa, i.esito])).toEqual([
      [1, 'presentazione', 'ammissibile'],
      [2, 'nuova-versione', 'ammissibile'],
    ]);
    expect(storia.map((i) => i.input.dati.isee[0].valoreCentesimi)).toEqual([1_500_000, 900_000]);
    expect(storia[1].valutazione.chiavi.iseeCentesimi).toBe(900_000);
    const [riga] = await svc.sql<{ isee_centesimi: string }>(
      `SELECT isee_centesimi FROM istanza WHERE id = $1`,
      [presentata.id],
    );
    expect(riga.isee_centesimi).toBe('900000');
    // Read by a Comune for its resident, audited; refused for another comune.
    expect(
      await svc.as(ATTORI.responsabileCrema)(elencaIstruttorie, { istanzaId: presentata.id }),
    ).toHaveLength(2);
    expect(
      await rifiuto(svc.as(ATTORI.responsabilePandino)(elencaIstruttorie, { istanzaId: presentata.id })),
    ).toBe('ISTANZA_NON_TROVATA');
    const voci = await svc.sql<{ utente: string; esito: string }>(
      `SELECT utente, esito FROM voce_audit WHERE risorsa = 'istruttoria' AND risorsa_id = $1 ORDER BY il`,
      [presentata.id],
    );
    expect(voci).toEqual([
      { utente: 'as.crema', esito: 'consentito' },
      { utente: 'responsabile.crema', esito: 'consentito' },
      { utente: 'responsabile.pandino', esito: 'negato' },
    ]);
  });

  it('publishes istanza.esclusa with the codes of the rules that exclude it', async () => {
    const esclusa = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avvisoId, persona(svc), {}, { iseeEuro: 40_000 }),
    );
    expect(esclusa.esito).toBe('non-ammissibile');
    const [evento] = await eventi('misure.istanza.esclusa', esclusa.id);
    expect(evento.payload).toMatchObject({
      istanzaId: esclusa.id,
      avvisoId,
      strumento: 'buono-caregiver',
      origine: 'calcolo',
      regole: ['ISEE_SOGLIA'],
    });
  });

  it('lets an istruttore decide a da-verificare outcome once, with its motivazione, who and when', async () => {
    const dubbia = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avvisoId, persona(svc), {}, { difformita: true }),
    );
    expect(dubbia.esito).toBe('da-verificare');
    const ammissibile = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc)));

    const decisione = {
      istanzaId: dubbia.id,
      esito: 'ammissibile' as const,
      motivazione: 'Difformità chiarita: rettifica della DSU acquisita da INPS.',
    };
    for (const actor of [ATTORI.operatore, ATTORI.responsabileCrema, ATTORI.admin])
      expect(await rifiuto(svc.as(actor)(decidiIstruttoria, decisione))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(
      await rifiuto(svc.as(ATTORI.udp)(decidiIstruttoria, { ...decisione, istanzaId: ammissibile.id })),
    ).toBe('DECISIONE_NON_RICHIESTA');

    const decisa = await svc.as(ATTORI.udp)(decidiIstruttoria, decisione);
    expect(decisa).toMatchObject({
      numero: 1,
      esitoCalcolato: 'da-verificare',
      esito: 'ammissibile',
      decisione: { esito: 'ammissibile', motivazione: decisione.motivazione, decisaDa: 'udp' },
    });
    expect(Date.now() - Date.parse(decisa.decisione!.decisaIl)).toBeLessThan(60_000);
    const [riga] = await svc.sql<{ esito: string }>(`SELECT esito FROM istanza WHERE id = $1`, [dubbia.id]);
    expect(riga.esito).toBe('ammissibile');
    const istruite = await eventi('misure.istanza.istruita', dubbia.id);
    expect(istruite.map((e) => [e.payload.origine, e.payload.esito])).toEqual([
      ['calcolo', 'da-verificare'],
      ['decisione', 'ammissibile'],
    ]);
    expect(await rifiuto(svc.as(ATTORI.udp)(decidiIstruttoria, decisione))).toBe('DECISIONE_NON_RICHIESTA');

    // Non-ammissibile by decision: excluded, with no rule code (the motivazione says why).
    const altra = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avvisoId, persona(svc), {}, { difformita: true }),
    );
    await svc.as(ATTORI.asCrema)(decidiIstruttoria, {
      istanzaId: altra.id,
      esito: 'non-ammissibile',
      motivazione: 'Redditi omessi confermati da INPS.',
    });
    const [esclusa] = await eventi('misure.istanza.esclusa', altra.id);
    expect(esclusa.payload).toMatchObject({ origine: 'decisione', regole: [] });
  });

  it('re-runs an istruttoria on request with today’s sources, keeping the history', async () => {
    const personaId = persona(svc);
    const presentata = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    // accesso now knows a definitive admission: the person no longer lives at home.
    svc.fonti.persone.set(personaId, { ...svc.fonti.persone.get(personaId)!, alDomicilio: false });
    const rifatta = await svc.as(ATTORI.udp)(riesaminaIstanza, {
      istanzaId: presentata.id,
      motivo: 'ricovero comunicato dalla famiglia',
    });
    expect(rifatta).toMatchObject({
      numero: 2,
      esito: 'non-ammissibile',
      causa: 'riesame: ricovero comunicato dalla famiglia',
    });
    expect(rifatta.valutazione.regole).toEqual(
      expect.arrayContaining([expect.objectContaining({ codice: 'DOMICILIO', esito: 'non-soddisfatta' })]),
    );
    const [evento] = await eventi('misure.istanza.esclusa', presentata.id);
    expect(evento.payload.regole).toEqual(['DOMICILIO']);
    expect(
      await rifiuto(
        svc.as(ATTORI.operatore)(riesaminaIstanza, { istanzaId: presentata.id, motivo: 'prova' }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('re-runs the open istanze of a person through RiesameIstruttorie, recording the cause', async () => {
    const riesame = svc.app.get<RiesameIstruttorie>(RIESAME_ISTRUTTORIE);
    const personaId = persona(svc);
    svc.fonti.cartelle.set(personaId, { ...svc.fonti.cartelle.get(personaId)!, progettoApprovato: false });
    const aperta = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    const altroAvviso = await avvisoPubblicato(svc);
    const graduata = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(altroAvviso, personaId));
    // The other avviso's graduatorie are approved: its istanze are no longer re-run.
    await svc.sql(`UPDATE avviso SET stato = 'graduatorie-approvate' WHERE id = $1`, [altroAvviso]);
    svc.fonti.cartelle.set(personaId, { ...svc.fonti.cartelle.get(personaId)!, progettoApprovato: true });

    await riesame.riesaminaPersona(personaId, 'presa-in-carico.progetto.approvato');

    const righe = await svc.sql<{ istanza_id: string; numero: number; causa: string; istruita_da: string }>(
      `SELECT istanza_id, numero, causa, istruita_da FROM istruttoria WHERE istanza_id = ANY ($1::uuid[]) ORDER BY istanza_id, numero`,
      [[aperta.id, graduata.id]],
    );
    expect(righe.filter((r) => r.istanza_id === graduata.id).map((r) => r.numero)).toEqual([1]);
    expect(righe.filter((r) => r.istanza_id === aperta.id).slice(-1)).toEqual([
      {
        istanza_id: aperta.id,
        numero: 2,
        causa: 'presa-in-carico.progetto.approvato',
        istruita_da: 'servizio:misure',
      },
    ]);
    const [ultima] = await svc.sql<{ input: InputIstruttoriaV1 }>(
      `SELECT input FROM istruttoria WHERE istanza_id = $1 AND numero = 2`,
      [aperta.id],
    );
    expect(ultima.input.dati.presaInCarico.progettoApprovato).toBe(true);
  });

  it('re-evaluates every stored snapshot with its stored rule set and gets the same result', async () => {
    const righe = await svc.sql<{
      input: InputIstruttoriaV1;
      regole_id: string;
      parametri: ParametriRegoleV1;
      valutazione: ValutazioneIstanzaV1;
    }>(
      `SELECT i.input, i.regole_id, r.parametri, i.valutazione FROM istruttoria i JOIN regole_misura r ON r.id = i.regole_id`,
    );
    expect(righe.length).toBeGreaterThan(8);
    expect(new Set(righe.map((r) => r.valutazione.esito))).toEqual(
      new Set(['ammissibile', 'non-ammissibile', 'da-verificare']),
    );
    for (const r of righe)
      expect(valutaIstanza(r.input, { id: r.regole_id, parametri: r.parametri })).toEqual(r.valutazione);
  });
});
