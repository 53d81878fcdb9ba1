import { MISURE_RPC, type AvvisoMisuraV1, type CreaAvvisoV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { ANNO, giorno, inserisciRegole } from '../../test/regole-di-prova';

const { creaAvviso, pubblicaAvviso, chiudiAvviso, leggiAvviso, elencaAvvisi } = MISURE_RPC;

export function avvisoB2(modifiche: Partial<CreaAvvisoV1> = {}): CreaAvvisoV1 {
  return {
    misura: 'b2',
    annualita: ANNO,
    titolo: `Misura B2 ${ANNO}: buoni per caregiver e assistenti familiari`,
    apertura: giorno(-10),
    chiusura: giorno(10),
    decorrenza: giorno(20),
    mesi: 12,
    graduatorie: [
      {
        area: 'anziani',
        strumento: 'buono-caregiver',
        linea: '7.10.1',
        fondo: 'FNA',
        annoFondo: ANNO - 1,
        budgetCentesimi: 12_000_000,
      },
      { area: 'disabili-adulti', strumento: 'buono-assistente', linea: '7.10.1', budgetCentesimi: 9_600_000 },
    ],
    ...modifiche,
  };
}

describe('avvisi: bozza, publication and closing by the Ufficio di Piano', () => {
  let svc: TestMisure;
  let regoleId: string;

  beforeAll(async () => {
    svc = await startTestMisure();
    regoleId = await inserisciRegole(svc, { annualita: ANNO, validoDal: `${ANNO}-01-01` });
  });
  afterAll(async () => {
    await svc?.close();
  });

  const conta = async (tabella: string) =>
    Number((await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM ${tabella}`))[0].n);

  it('creates an avviso in bozza with the rule set in force on its opening day and its graduatorie', async () => {
    const avviso = await svc.as(ATTORI.udp)(creaAvviso, avvisoB2());
    expect(avviso).toMatchObject({
      misura: 'b2',
      annualita: ANNO,
      stato: 'bozza',
      regoleId,
      mesi: 12,
      creatoDa: 'udp',
      pubblicatoIl: null,
    });
    expect(avviso.graduatorie).toEqual([
      expect.objectContaining({
        area: 'anziani',
        strumento: 'buono-caregiver',
        fondo: 'FNA',
        budgetCentesimi: 12_000_000,
      }),
      expect.objectContaining({
        area: 'disabili-adulti',
        strumento: 'buono-assistente',
        budgetCentesimi: 9_600_000,
      }),
    ]);
    expect(await svc.as(ATTORI.operatore)(leggiAvviso, { id: avviso.id })).toEqual(avviso);
  });

  it('publishes it (event in the outbox), then closes it; each state only once and in order', async () => {
    const avviso = await svc.as(ATTORI.udp)(creaAvviso, avvisoB2());
    expect(await rifiuto(svc.as(ATTORI.udp)(chiudiAvviso, { id: avviso.id }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    const pubblicato = await svc.as(ATTORI.udp)(pubblicaAvviso, { id: avviso.id });
    expect(pubblicato).toMatchObject({ stato: 'pubblicato', pubblicatoDa: 'udp' });
    expect(pubblicato.pubblicatoIl).not.toBeNull();
    const [evento] = await svc.sql<{ envelope: { payload: unknown } }>(
      `SELECT envelope FROM outbox_message WHERE type = 'misure.avviso.pubblicato' AND envelope->'payload'->>'avvisoId' = $1`,
      [avviso.id],
    );
    expect(evento.envelope.payload).toEqual({
      avvisoId: avviso.id,
      misura: 'b2',
      annualita: ANNO,
      regoleId,
      apertura: avviso.apertura,
      chiusura: avviso.chiusura,
    });
    expect(await rifiuto(svc.as(ATTORI.udp)(pubblicaAvviso, { id: avviso.id }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    const chiuso = await svc.as(ATTORI.udp)(chiudiAvviso, { id: avviso.id });
    expect(chiuso.stato).toBe('chiuso');
    expect(chiuso.chiusoIl).not.toBeNull();

    const elenco = await svc.as(ATTORI.responsabileCrema)(elencaAvvisi, { stato: 'chiuso' });
    expect(elenco.map((a: AvvisoMisuraV1) => a.id)).toEqual([avviso.id]);
  });

  it('closes a published avviso when it is asked for after its window', async () => {
    const scaduto = await svc.as(ATTORI.udp)(
      creaAvviso,
      avvisoB2({ apertura: giorno(-20), chiusura: giorno(-1) }),
    );
    expect(await rifiuto(svc.as(ATTORI.udp)(pubblicaAvviso, { id: scaduto.id }))).toBe('DATA_NON_VALIDA');
    const avviso = await svc.as(ATTORI.udp)(
      creaAvviso,
      avvisoB2({ apertura: giorno(-20), chiusura: giorno(1) }),
    );
    expect((await svc.as(ATTORI.udp)(pubblicaAvviso, { id: avviso.id })).stato).toBe('pubblicato');
    // Its last day was yesterday.
    await svc.sql(`UPDATE avviso SET chiusura = $2 WHERE id = $1`, [avviso.id, giorno(-1)]);
    const letto = await svc.as(ATTORI.operatore)(leggiAvviso, { id: avviso.id });
    expect(letto.stato).toBe('chiuso');
    expect(letto.chiusoIl).not.toBeNull();
  });

  it('refuses a strumento the rule set does not have (or not for that area), writing nothing', async () => {
    const prima = [await conta('avviso'), await conta('graduatoria')];
    const sconosciuto = avvisoB2({
      graduatorie: [{ area: 'anziani', strumento: 'buono-vacanze', linea: '7.10.1', budgetCentesimi: 100 }],
    });
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, sconosciuto))).toBe('STRUMENTO_MISURA_SCONOSCIUTO');
    const areaSbagliata = avvisoB2({
      graduatorie: [{ area: 'minori', strumento: 'buono-caregiver', linea: '7.10.1', budgetCentesimi: 100 }],
    });
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, areaSbagliata))).toBe('STRUMENTO_MISURA_SCONOSCIUTO');
    expect([await conta('avviso'), await conta('graduatoria')]).toEqual(prima);
  });

  it('refuses an avviso with no rule set in force, a window upside down or a graduatoria twice', async () => {
    const prima = await conta('avviso');
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, avvisoB2({ misura: 'pro-vi' })))).toBe(
      'REGOLE_NON_IN_VIGORE',
    );
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, avvisoB2({ annualita: ANNO + 1 })))).toBe(
      'REGOLE_NON_IN_VIGORE',
    );
    expect(
      await rifiuto(svc.as(ATTORI.udp)(creaAvviso, avvisoB2({ apertura: giorno(5), chiusura: giorno(-5) }))),
    ).toBe('VALIDAZIONE_FALLITA');
    const doppia = avvisoB2();
    doppia.graduatorie = [doppia.graduatorie[0], doppia.graduatorie[0]];
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, doppia))).toBe('VALIDAZIONE_FALLITA');
    expect(await conta('avviso')).toBe(prima);
  });

  it('accepts the default 2025 B2 rule set (installed at start), named by id or found by its validity', async () => {
    const [{ id }] = await svc.sql<{ id: string }>(
      `SELECT id FROM regole_misura WHERE misura = 'b2' AND annualita = 2025 AND stato = 'in-vigore'`,
    );
    const finestra2025 = {
      annualita: 2025,
      apertura: '2025-03-01',
      chiusura: '2025-04-30',
      decorrenza: '2025-06-01',
    };
    const conId = await svc.as(ATTORI.udp)(creaAvviso, {
      ...avvisoB2(finestra2025),
      regoleId: id,
      graduatorie: [
        { area: 'anziani', strumento: 'buono-caregiver', linea: '7.10.1', budgetCentesimi: 24_000_000 },
        {
          area: 'anziani',
          strumento: 'buono-assistente-familiare',
          linea: '7.10.1',
          budgetCentesimi: 9_600_000,
        },
        { area: 'minori', strumento: 'voucher-minori', linea: '7.10.2', budgetCentesimi: 4_000_000 },
      ],
    });
    expect(conId.regoleId).toBe(id);
    const perValidita = await svc.as(ATTORI.udp)(creaAvviso, {
      ...avvisoB2(finestra2025),
      graduatorie: [{ area: 'minori', strumento: 'voucher-minori', linea: '7.10.2', budgetCentesimi: 100 }],
    });
    expect(perValidita.regoleId).toBe(id);
    // A rule set of another annualità is not this avviso's.
    expect(await rifiuto(svc.as(ATTORI.udp)(creaAvviso, { ...avvisoB2(), regoleId: id }))).toBe(
      'REGOLE_NON_IN_VIGORE',
    );
  });

  it('lets only the Ufficio di Piano create, publish and close', async () => {
    const avviso = await svc.as(ATTORI.udp)(creaAvviso, avvisoB2());
    for (const actor of [ATTORI.operatore, ATTORI.admin, ATTORI.asCrema, ATTORI.responsabileCrema]) {
      expect(await rifiuto(svc.as(actor)(creaAvviso, avvisoB2()))).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await rifiuto(svc.as(actor)(pubblicaAvviso, { id: avviso.id }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    }
    expect((await svc.as(ATTORI.udp)(leggiAvviso, { id: avviso.id })).stato).toBe('bozza');
    expect(
      await rifiuto(svc.as(ATTORI.udp)(leggiAvviso, { id: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('AVVISO_NON_TROVATO');
  });
});
