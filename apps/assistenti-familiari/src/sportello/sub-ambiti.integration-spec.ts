import { randomUUID } from 'node:crypto';
import { ASSISTENTI_FAMILIARI_RPC, type RegistraRichiestaV1 } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import {
  ATTORI,
  SPORTELLO_CASALMAGGIORE,
  SPORTELLO_VIADANA,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { feriali, iscriviDiProva } from '../../test/registro-di-prova';

const RPC = ASSISTENTI_FAMILIARI_RPC;
const MOTIVO = 'abbinamento della richiesta di una famiglia';
const GUSSOLA = '019052'; // SA-MUNICIPIA-ASSE-PO, area casalasca
const VIADANA = '020066'; // SA-VIADANESE
/** The two desks of Oglio Po (seed 003): one operator each, in different sub-ambiti. */
const casalmaggiore = ATTORI.casalmaggiore;
const viadana = ATTORI.viadana;
/** The social worker of the family's sub-ambito (Gussola), not a desk's. */
const asGussola = testActor('as.gussola', ['assistente-sociale'], ['SA-MUNICIPIA-ASSE-PO']);

const richiesta = (r: Partial<RegistraRichiestaV1> = {}): RegistraRichiestaV1 => ({
  personaId: randomUUID(),
  sportello: SPORTELLO_VIADANA,
  comune: VIADANA,
  orari: [{ giorno: 'lun', dalle: '08:00', alle: '12:00' }],
  convivenza: 'indifferente',
  competenze: ['demenza'],
  competenzeIndispensabili: [],
  lingue: [],
  dataInizio: '2026-12-01',
  ...r,
});

/**
 * ARCHITECTURE.md §4 at the sportello (docs/sportello-sub-ambiti.md): the register of assistants is the
 * ambito's, shared by its two desks (matching across desks is its point); a family's richiesta, the
 * proposals on it, its contract and its Bonus pre-checks belong to the desk that holds them, and the
 * other desk's operator sees nothing of them — enforced by the service, whatever the gateway routed.
 */
describe('the sportello’s personal reads by sub-ambito (two desks, two operators)', () => {
  let svc: TestAssistentiFamiliari;
  let assistente: { assistenteId: string; iscrizioneId: string };

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
    // Enrolled by Casalmaggiore's desk, serving both areas.
    assistente = await iscriviDiProva(svc, {
      registro: 'CREMA',
      sportello: SPORTELLO_CASALMAGGIORE,
      competenze: ['demenza'],
      aree: [VIADANA, GUSSOLA],
      disponibilita: feriali(8, 12),
    });
  });
  afterAll(() => svc?.close());

  it('keeps a family’s richiesta to the desk that holds it: the other desk neither reads, matches nor proposes', async () => {
    const r = await svc.as(viadana, MOTIVO)(RPC.registraRichiesta, richiesta());
    expect(r).toMatchObject({ sportello: SPORTELLO_VIADANA, subAmbito: 'SA-VIADANESE' });
    // Viadana's desk works it, matching on the shared register (an assistant of the other desk).
    const candidati = await svc.as(viadana, MOTIVO)(RPC.cercaCandidati, { id: r.id });
    expect(candidati.candidati.map((c) => c.iscrizioneId)).toContain(assistente.iscrizioneId);
    // Casalmaggiore's operator: refused on every request about it, each refusal audited.
    const fuori = svc.as(casalmaggiore, MOTIVO);
    expect(await rifiuto(fuori(RPC.leggiRichiesta, { id: r.id }))).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(await rifiuto(fuori(RPC.cercaCandidati, { id: r.id }))).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(
      await rifiuto(
        fuori(RPC.proponiAssistente, { richiestaId: r.id, iscrizioneId: assistente.iscrizioneId }),
      ),
    ).toBe('FUORI_AMBITO_TERRITORIALE');
    const negati = await svc.sql<{ utente: string; codice_errore: string }>(
      `SELECT utente, codice_errore FROM voce_audit WHERE risorsa_id = $1 AND esito <> 'consentito'`,
      [r.id],
    );
    expect(negati).toEqual([
      { utente: 'sportello.casalmaggiore', codice_errore: 'FUORI_AMBITO_TERRITORIALE' },
      { utente: 'sportello.casalmaggiore', codice_errore: 'FUORI_AMBITO_TERRITORIALE' },
    ]);
    // The proposal and the answers: Viadana's only.
    const p = await svc.as(viadana, MOTIVO)(RPC.proponiAssistente, {
      richiestaId: r.id,
      iscrizioneId: assistente.iscrizioneId,
    });
    expect(
      await rifiuto(fuori(RPC.rispondiProposta, { id: p.id, parte: 'famiglia', risposta: 'accetta' })),
    ).toBe('FUORI_AMBITO_TERRITORIALE');
    // The Ufficio di Piano sees the whole ambito.
    expect(await svc.as(ATTORI.udp, MOTIVO)(RPC.leggiRichiesta, { id: r.id })).toMatchObject({ id: r.id });
  });

  it('lets the family’s own sub-ambito read it (its social worker), not a desk of another area', async () => {
    const r = await svc.as(casalmaggiore, MOTIVO)(
      RPC.registraRichiesta,
      richiesta({ sportello: SPORTELLO_CASALMAGGIORE, comune: GUSSOLA }),
    );
    expect(await svc.as(asGussola, MOTIVO)(RPC.leggiRichiesta, { id: r.id })).toMatchObject({
      subAmbito: 'SA-MUNICIPIA-ASSE-PO',
    });
    expect(await rifiuto(svc.as(viadana, MOTIVO)(RPC.leggiRichiesta, { id: r.id }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
  });

  it('registers at the operator’s own desk only', async () => {
    expect(
      await rifiuto(
        svc.as(casalmaggiore, MOTIVO)(RPC.registraRichiesta, richiesta({ sportello: SPORTELLO_VIADANA })),
      ),
    ).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(
      await rifiuto(
        svc.as(casalmaggiore, MOTIVO)(RPC.registraRichiesta, richiesta({ sportello: 'SEDE-ASCOP-VIADANA' })),
      ),
    ).toBe('SEDE_SCONOSCIUTA');
  });

  it('keeps a contract and its Bonus pre-checks to the desk that holds it', async () => {
    const c = await svc.as(viadana, MOTIVO)(RPC.registraContratto, {
      personaId: randomUUID(),
      assistenteId: assistente.assistenteId,
      datore: 'assistito',
      livelloCcnl: 'BS',
      oreSettimanali: 25,
      convivente: false,
      dataInizio: '2026-10-01',
      costoMensileCentesimi: 95_000,
      comunicazioneInps: 'INPS-2026-9',
    });
    // Without a richiesta, the operator's only desk holds it.
    expect(c.sportello).toBe(SPORTELLO_VIADANA);
    const fuori = svc.as(casalmaggiore, MOTIVO);
    expect(await rifiuto(fuori(RPC.leggiContratto, { id: c.id }))).toBe('FUORI_AMBITO_TERRITORIALE');
    const verifica = {
      contrattoId: c.id,
      richiedente: 'assistito' as const,
      isee: { titolare: 'assistito' as const, valoreCentesimi: 2_000_000 },
      residenteInLombardiaDal: '2000-01-01',
      speseAmmissibiliCentesimi: 300_000,
    };
    expect(await rifiuto(fuori(RPC.verificaBonus, verifica))).toBe('FUORI_AMBITO_TERRITORIALE');
    const v = await svc.as(viadana, MOTIVO)(RPC.verificaBonus, verifica);
    expect(await rifiuto(fuori(RPC.leggiVerificaBonus, { id: v.id }))).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(await rifiuto(fuori(RPC.riepilogoBonus, { id: v.id }))).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(
      await rifiuto(
        fuori(RPC.registraEsitoBonus, {
          id: v.id,
          esito: 'respinta',
          importoRiconosciutoCentesimi: null,
          annualita: 2026,
        }),
      ),
    ).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(await svc.as(viadana, MOTIVO)(RPC.leggiContratto, { id: c.id })).toMatchObject({ id: c.id });
    // The Ufficio di Piano must name the desk of a contract without richiesta (it has none of its own).
    expect(
      await rifiuto(
        svc.as(ATTORI.udp, MOTIVO)(RPC.registraContratto, {
          personaId: randomUUID(),
          datore: 'assistito',
          livelloCcnl: 'BS',
          oreSettimanali: 25,
          convivente: false,
          dataInizio: '2026-10-01',
          costoMensileCentesimi: 95_000,
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
  });

  it('shares the register itself: each desk reads the other desk’s iscrizioni and matches on them', async () => {
    const i = await svc.as(viadana, MOTIVO)(RPC.leggiIscrizione, { id: assistente.iscrizioneId });
    expect(i).toMatchObject({ sportello: SPORTELLO_CASALMAGGIORE, stato: 'attiva' });
  });
});
