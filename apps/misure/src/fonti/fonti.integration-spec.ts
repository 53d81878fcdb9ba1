import { headers as natsHeaders } from 'nats';
import {
  ACCESSO_RPC,
  MISURE_CONSUMI,
  PRESA_IN_CARICO_RPC,
  eventSubject,
  type CartellaV1,
  type EventEnvelope,
  type PersonaV1,
} from '@ambito/contracts';
import { EventBus, eventStreamName } from '@ambito/messaging';
import { connectTestNats, eventually, rifiuto } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_PIC,
  CREMA,
  apertura,
  cartellaAperta,
  codiceFiscale,
  progetto,
} from '../../../presa-in-carico/test/presa-in-carico-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ADL_AUTONOMO, registraEquipeCrema } from '../../../presa-in-carico/test/presa-in-carico-scenario';
import {
  riesameRegistrato,
  startTestMisure,
  type ServiziFonti,
  type TestMisure,
} from '../../test/misure-harness';
import { FONTI_ISTANZA, type FontiIstanza } from './fonti-istanza';

/*
 * Issue 9, points 3–5: the persona and the cartella of an istanza come from accesso and presa in
 * carico (never typed twice), read by misure with its own identity from the real services; their
 * events re-run the person's istruttorie.
 */

const MILANO = '015146';
const ROMANIA = '642';
const oggi = () => new Date().toISOString().slice(0, 10);

describe('misure › fonti: the real accesso and presa-in-carico, read and listened to as the service', () => {
  const riesame = riesameRegistrato();
  let svc: TestMisure;
  let servizi: ServiziFonti;
  let fonti: FontiIstanza;
  const operatore = () => servizi.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'istanza di misura B2');
  const pic = (actor: keyof typeof ATTORI_PIC) => servizi.presaInCarico.as(ATTORI_PIC[actor]);
  const chiamateDi = (personaId: string) => riesame.chiamate.filter((c) => c.personaId === personaId);

  /** A persona of the accesso registry and her cartella (opened with her personaId), in carico. */
  async function personaConCartella(): Promise<{ p: PersonaV1; cartella: CartellaV1 }> {
    const cf = codiceFiscale();
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(cf, CREMA));
    const c = cartellaAperta(
      await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.apriCartella, {
        ...apertura(cf, CREMA),
        personaId: p.id,
      }),
    );
    const cartella = await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.assegnaCartella, {
      id: c.id,
      caseManagerId: 'as.crema',
    });
    return { p, cartella };
  }

  beforeAll(async () => {
    svc = await startTestMisure({ servizi: true, riesame: riesame.provider });
    servizi = svc.servizi!;
    fonti = svc.app.get<FontiIstanza>(FONTI_ISTANZA);
    await registraEquipeCrema(servizi.presaInCarico);
  });
  afterAll(() => svc?.close());

  it('reads the persona from accesso: birth date, residence in the Ambito, at home until a definitive ricovero', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    expect(await fonti.persona(p.id)).toEqual({
      personaId: p.id,
      dataNascita: '1950-01-01',
      comuneResidenzaIstat: CREMA,
      residenteNellAmbito: true,
      alDomicilio: true,
    });
    // A hospital stay is not a definitive admission; an RSA one is, while it lasts.
    const ospedale = await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'ospedaliero',
      dal: '2025-03-01',
    });
    expect((await fonti.persona(p.id)).alDomicilio).toBe(true);
    await operatore()(ACCESSO_RPC.concludiRicovero, { id: ospedale.id, al: '2025-03-10' });
    await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'residenziale-definitivo',
      dal: oggi(),
    });
    expect((await fonti.persona(p.id)).alDomicilio).toBe(false);

    // Resident outside the Ambito; resident abroad (no comune).
    // (Registered here because she lives in Crema: domicile.)
    const milanese = await operatore()(ACCESSO_RPC.registraPersona, {
      ...persona(codiceFiscale(), MILANO),
      comuneDomicilio: CREMA,
    });
    expect(await fonti.persona(milanese.id)).toMatchObject({
      comuneResidenzaIstat: MILANO,
      residenteNellAmbito: false,
    });
    const estero = await operatore()(ACCESSO_RPC.registraPersona, {
      ...persona(codiceFiscale()),
      comuneResidenza: undefined,
      statoEsteroResidenza: ROMANIA,
      comuneDomicilio: CREMA,
    });
    expect(await fonti.persona(estero.id)).toMatchObject({
      comuneResidenzaIstat: null,
      residenteNellAmbito: false,
    });

    // Each read is in accesso's audit, as the misure service with its purpose; nothing else of hers read.
    const audit = await servizi.accesso.sql(
      `SELECT utente, ruoli, azione, esito, finalita FROM voce_audit
        WHERE soggetto_id = $1 AND utente = 'servizio:misure'`,
      [p.id],
    );
    expect(audit).toHaveLength(3);
    expect(audit[0]).toEqual({
      utente: 'servizio:misure',
      ruoli: ['servizio-misure'],
      azione: 'leggi-per-misure',
      esito: 'consentito',
      finalita: 'istruttoria-misure',
    });
  });

  it('answers PERSONA_NON_TROVATA for an id accesso does not know, and audits the attempt', async () => {
    const ignota = '7d1c3f0e-2b4a-4c5d-9e8f-0a1b2c3d4e5f';
    expect(await rifiuto(fonti.persona(ignota))).toBe('PERSONA_NON_TROVATA');
    const [voce] = await servizi.accesso.sql(
      `SELECT esito, codice_errore FROM voce_audit WHERE risorsa_id = $1 AND azione = 'leggi-per-misure'`,
      [ignota],
    );
    expect(voce).toEqual({ esito: 'negato', codice_errore: 'PERSONA_NON_TROVATA' });
  });

  it('reads the presa in carico: valutazione (of the clinical and social équipe), approved progetto with its budget', async () => {
    const { p, cartella } = await personaConCartella();
    // In carico, nothing done yet.
    expect(await fonti.presaInCarico(p.id)).toEqual({
      valutazioneCompletata: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
    });
    // An ADL by the case manager: a valutazione, not the équipe's clinical and social one.
    await pic('asCrema')(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: cartella.id,
      strumento: 'ADL',
      data: '2025-11-20',
      risposte: ADL_AUTONOMO,
    });
    expect(await fonti.presaInCarico(p.id)).toMatchObject({
      valutazioneCompletata: true,
      valutazioneClinicaSociale: false,
    });
    // The Dopo di Noi assessment, with the psychologist on the case.
    await pic('coordinatoreCrema')(PRESA_IN_CARICO_RPC.assegnaEquipeCaso, {
      id: cartella.id,
      membri: ['psi.crema'],
    });
    await pic('psiCrema')(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: cartella.id,
      strumento: 'DDN',
      data: '2025-11-21',
      risposte: { 'cura-di-se': 2, mobilita: 3, 'comunicazione-cognitive': 1, 'strumentali-relazionali': 2 },
    });
    // A progetto proposed is not approved; approved by the Comune, with its interventi (the budget).
    const proposto = await pic('asCrema')(PRESA_IN_CARICO_RPC.proponiProgetto, progetto(cartella.id));
    expect((await fonti.presaInCarico(p.id)).progettoApprovato).toBe(false);
    await pic('responsabileCrema')(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });
    expect(await fonti.presaInCarico(p.id)).toEqual({
      valutazioneCompletata: true,
      valutazioneClinicaSociale: true,
      progettoApprovato: true,
      budgetDiProgetto: true,
    });

    // The events of that work re-ran her istruttorie, once each.
    await servizi.presaInCarico.flush();
    await eventually(
      () =>
        expect(chiamateDi(p.id).map((c) => c.causa)).toEqual(
          expect.arrayContaining([
            'presa-in-carico.valutazione.completata',
            'presa-in-carico.progetto.approvato',
          ]),
        ),
      { timeoutMs: 15_000 },
    );
    expect(chiamateDi(p.id).filter((c) => c.causa === 'presa-in-carico.progetto.approvato')).toHaveLength(1);
    expect(chiamateDi(p.id).filter((c) => c.causa === 'presa-in-carico.valutazione.completata')).toHaveLength(
      2,
    );

    // presa-in-carico audited each read as the misure service, on that cartella.
    const [{ n }] = await servizi.presaInCarico.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM voce_audit
        WHERE soggetto_id = $1 AND azione = 'leggi-per-misure' AND utente = 'servizio:misure'
          AND finalita = 'istruttoria-misure'`,
      [cartella.id],
    );
    expect(n).toBe(4);
  });

  it('an approved progetto without interventi nor risorse has no budget di progetto', async () => {
    const { p, cartella } = await personaConCartella();
    const proposto = await pic('asCrema')(
      PRESA_IN_CARICO_RPC.proponiProgetto,
      progetto(cartella.id, { interventi: [], risorse: [] }),
    );
    await pic('responsabileCrema')(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });
    expect(await fonti.presaInCarico(p.id)).toEqual({
      valutazioneCompletata: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: true,
      budgetDiProgetto: false,
    });
  });

  it('all false for a person with no cartella, and for one whose cartella is closed (which re-runs her istruttorie)', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    const nessuna = {
      valutazioneCompletata: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
    };
    expect(await fonti.presaInCarico(p.id)).toEqual(nessuna);
    const { p: chiusa, cartella } = await personaConCartella();
    await pic('asCrema')(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: cartella.id,
      strumento: 'ADL',
      data: '2025-11-20',
      risposte: ADL_AUTONOMO,
    });
    expect((await fonti.presaInCarico(chiusa.id)).valutazioneCompletata).toBe(true);
    await pic('asCrema')(PRESA_IN_CARICO_RPC.chiudiCartella, { id: cartella.id, motivo: 'rinuncia' });
    expect(await fonti.presaInCarico(chiusa.id)).toEqual(nessuna);
    // ...and the closure re-ran her istruttorie.
    await servizi.presaInCarico.flush();
    await eventually(
      () =>
        expect(chiamateDi(chiusa.id)).toContainEqual({
          personaId: chiusa.id,
          causa: 'presa-in-carico.cartella.chiusa',
        }),
      { timeoutMs: 15_000 },
    );
  });

  it('re-runs the istruttorie on a ricovero and a change of residence published by accesso, once per event', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    const ricovero = await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'sollievo',
      dal: '2025-06-01',
    });
    await operatore()(ACCESSO_RPC.concludiRicovero, { id: ricovero.id, al: '2025-06-15' });
    await operatore()(ACCESSO_RPC.aggiornaPersona, { id: p.id, comuneResidenza: MILANO });
    await servizi.accesso.app.get(EventBus).flushOutbox();
    await eventually(
      () =>
        expect(
          chiamateDi(p.id)
            .map((c) => c.causa)
            .sort(),
        ).toEqual([
          'accesso.persona.residenza-cambiata',
          'accesso.ricovero.concluso',
          'accesso.ricovero.iniziato',
        ]),
      { timeoutMs: 15_000 },
    );

    // The same event delivered again (as after a lost ack): skipped by the inbox, no second riesame.
    const [{ envelope }] = await servizi.accesso.sql<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM outbox_message WHERE type = 'accesso.ricovero.iniziato'
        AND envelope->'payload'->>'personaId' = $1`,
      [p.id],
    );
    const collaudo = await connectTestNats();
    try {
      const h = natsHeaders();
      // No Nats-Msg-Id: the inbox, not JetStream's de-duplication, is under test.
      await collaudo
        .jetstream()
        .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope), { headers: h });
      const jsm = await collaudo.jetstreamManager();
      await eventually(
        async () => {
          const info = await jsm.consumers.info(
            eventStreamName('accesso'),
            MISURE_CONSUMI.ricoveroIniziato.durable,
          );
          expect(info.num_pending + info.num_ack_pending).toBe(0);
        },
        { timeoutMs: 15_000 },
      );
    } finally {
      await collaudo.close();
    }
    expect(chiamateDi(p.id).filter((c) => c.causa === 'accesso.ricovero.iniziato')).toHaveLength(1);
    const [{ n }] = await svc.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_message WHERE consumer = $1 AND event_id = $2`,
      [MISURE_CONSUMI.ricoveroIniziato.durable, envelope.id],
    );
    expect(n).toBe(1);
  });

  it('says SERVIZIO_NON_DISPONIBILE when accesso or presa-in-carico does not answer', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    await servizi.ferma('accesso');
    expect(await rifiuto(fonti.persona(p.id))).toBe('SERVIZIO_NON_DISPONIBILE');
    await servizi.ferma('presa-in-carico');
    expect(await rifiuto(fonti.presaInCarico(p.id))).toBe('SERVIZIO_NON_DISPONIBILE');
  });
});
