import { PRESA_IN_CARICO_RPC, type CartellaV1 } from '@ambito/contracts';
import { eventually, rifiuto } from '@ambito/testing';
import { ATTORI, CASTELLEONE, CREMA, apertura, cartellaAperta } from '../../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../../test/presa-in-carico-scenario';

const { apriCartella, aggiornaNucleo, chiudiCartella, elencaCartelle, leggiCartella, leggiDiario } =
  PRESA_IN_CARICO_RPC;

/**
 * Issue 14, finding: `POST /cartelle` as the assistente sociale of Castelleone with the codice fiscale
 * of a Crema resident who already has a cartella returned the whole cartella and moved it to
 * Castelleone's queue. Now the proposta goes to the Crema équipe, the answer carries nothing, and the
 * cartella stays in Crema (only a trasferimento moves it).
 */
describe('direct opening for a person whose cartella belongs to another sub-ambito', () => {
  const scenario = scenarioCrema();
  const { caseManager, coordinatore, inCarico } = scenario;
  const castelleone = () => scenario.svc.as(ATTORI.asCastelleone);
  /** What Castelleone claims: the same person, now resident in Castelleone. */
  const daCastelleone = (c: CartellaV1) => ({
    ...apertura(c.persona.codiceFiscale, CASTELLEONE),
    inviante: 'Tribunale per i Minorenni di Brescia',
    motivazione: 'Segnalazione riservata del tribunale.',
  });
  const proposteDi = (id: string) =>
    scenario.svc.sql<{ sub_ambito: string; stato: string; inviante: string }>(
      `SELECT sub_ambito, stato, inviante FROM proposta WHERE cartella_id = $1 ORDER BY ricevuta_il`,
      [id],
    );

  it('forwards the proposta to the équipe that follows the case and answers without any of its data', async () => {
    const c = await inCarico();
    await caseManager()(aggiornaNucleo, {
      id: c.id,
      membri: [{ cognome: 'Verdi', nome: 'Rosa', relazione: 'coniuge', convivente: true, caregiver: true }],
    });

    const risposta = await castelleone()(apriCartella, daCastelleone(c));

    expect(risposta).toEqual({ esito: 'inoltrata', cartella: null });
    expect(JSON.stringify(risposta)).not.toMatch(
      new RegExp(`${c.id}|${c.persona.codiceFiscale}|Bianchi|Verdi|as\\.crema`),
    );
    // Not moved: same sub-ambito, residence and case manager; the proposta is in Crema's hands.
    const dopo = await caseManager()(leggiCartella, { id: c.id });
    expect(dopo).toMatchObject({
      subAmbito: 'SA-CREMA',
      comuneResidenza: CREMA,
      stato: 'in-carico',
      caseManager: expect.objectContaining({ id: 'as.crema' }),
    });
    expect(await proposteDi(c.id)).toEqual([
      expect.objectContaining({ sub_ambito: 'SA-CREMA' }),
      { sub_ambito: 'SA-CREMA', stato: 'accolta', inviante: 'Tribunale per i Minorenni di Brescia' },
    ]);
    const diario = await caseManager()(leggiDiario, { id: c.id });
    expect(diario.at(-1)).toMatchObject({
      tipo: 'proposta',
      testo: expect.stringContaining(
        `Inoltrata dall’équipe del sub-ambito SA-CASTELLEONE, che indica la residenza nel comune ${CASTELLEONE}.`,
      ),
    });
    // Castelleone still sees nothing of it.
    expect((await castelleone()(elencaCartelle, {})).elementi).toEqual([]);
    expect(await rifiuto(castelleone()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
    // The équipe is told through the usual event, for its own sub-ambito; the forwarding is audited.
    await scenario.svc.flush();
    await eventually(() =>
      expect(
        scenario.svc.eventi.filter(
          (e) =>
            e.type === 'presa-in-carico.cartella.aperta' &&
            (e.payload as { cartellaId: string }).cartellaId === c.id,
        ),
      ).toEqual([
        expect.anything(),
        expect.objectContaining({
          payload: expect.objectContaining({ subAmbito: 'SA-CREMA', comuneResidenza: CREMA, nuova: false }),
        }),
      ]),
    );
    const [voce] = await scenario.svc.sql(
      `SELECT azione, esito, soggetto_id FROM voce_audit WHERE utente = 'as.castelleone' AND azione = 'inoltra-proposta'`,
    );
    expect(voce).toEqual({ azione: 'inoltra-proposta', esito: 'consentito', soggetto_id: c.id });
  });

  it('keeps an unassigned cartella in the queue of its own sub-ambito', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura('BNCLCU80E05D142D', CREMA)));
    expect(await castelleone()(apriCartella, daCastelleone(c))).toEqual({
      esito: 'inoltrata',
      cartella: null,
    });
    const dopo = await coordinatore()(leggiCartella, { id: c.id });
    expect(dopo).toMatchObject({ subAmbito: 'SA-CREMA', comuneResidenza: CREMA, stato: 'in-attesa' });
    expect((await proposteDi(c.id)).map((p) => [p.sub_ambito, p.stato])).toEqual([
      ['SA-CREMA', 'in-attesa'],
      ['SA-CREMA', 'in-attesa'],
    ]);
  });

  it('reopens a closed cartella in its own sub-ambito, not in the sender’s', async () => {
    const c = await inCarico();
    await caseManager()(chiudiCartella, { id: c.id, motivo: 'obiettivi-raggiunti' });
    expect(await castelleone()(apriCartella, daCastelleone(c))).toEqual({
      esito: 'inoltrata',
      cartella: null,
    });
    const dopo = await coordinatore()(leggiCartella, { id: c.id });
    expect(dopo).toMatchObject({
      subAmbito: 'SA-CREMA',
      comuneResidenza: CREMA,
      stato: 'in-attesa',
      episodio: 2,
    });
  });

  it('still opens, reuses and answers in full within one’s own sub-ambito', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura('VRDLCU80E05D142T', CREMA)));
    const ancora = await scenario.svc.as(ATTORI.asCrema)(
      apriCartella,
      apertura(c.persona.codiceFiscale, CREMA),
    );
    expect(ancora.esito).toBe('aperta');
    expect(ancora.cartella).toMatchObject({ id: c.id, subAmbito: 'SA-CREMA' });
    expect(ancora.cartella?.proposte).toHaveLength(2);
  });
});
