import { ACCESSO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  SONCINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const { registraPersona, leggiPersona, cercaPersone, aggiornaPersona, registraAccesso } = ACCESSO_RPC;
const MILANO = '015146';
const ROMANIA = '642';

describe('persone who do not reside in the Ambito, and changes of residence', () => {
  let svc: TestAccesso;
  const crema = () => svc.as(ATTORI.operatoreCrema, 'registrazione assistente familiare');
  const eventi = (type: string, personaId: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message
        WHERE type = $1 AND envelope->'payload'->>'personaId' = $2 ORDER BY created_at`,
      [type, personaId],
    );

  beforeAll(async () => {
    svc = await startTestAccesso();
  });
  afterAll(() => svc?.close());

  it('registers an assistente familiare resident abroad and domiciled here, seen where she lives', async () => {
    const badante = await crema()(registraPersona, {
      ...persona('PPSLNE80A41Z129H'),
      luogoNascita: 'Z129',
      cittadinanza: 'RO',
      cittadinanzaIstat: ROMANIA,
      comuneResidenza: undefined,
      statoEsteroResidenza: ROMANIA,
      comuneDomicilio: CREMA,
    });
    expect(badante).toMatchObject({
      comuneResidenza: null,
      statoEsteroResidenza: ROMANIA,
      comuneDomicilio: CREMA,
      cittadinanzaIstat: ROMANIA,
    });
    // Crema's Comune sees her (domicile), Pandino's does not.
    expect(await svc.as(ATTORI.responsabileCrema)(leggiPersona, { id: badante.id })).toMatchObject({
      id: badante.id,
    });
    expect(await rifiuto(svc.as(ATTORI.responsabilePandino)(leggiPersona, { id: badante.id }))).toBe(
      'PERSONA_NON_TROVATA',
    );
    // Her accesso is counted for the comune of the Ambito where she lives.
    const a = await crema()(registraAccesso, accesso(badante.id));
    expect(a.comuneResidenza).toBe(CREMA);
  });

  it('registers a resident of another Italian comune found in the territory, with the comune of domicile', async () => {
    const p = await crema()(registraPersona, {
      ...persona('BNCLRA45B52D142V', MILANO),
      comuneDomicilio: PANDINO,
    });
    expect(p).toMatchObject({
      comuneResidenza: MILANO,
      statoEsteroResidenza: null,
      comuneDomicilio: PANDINO,
    });
    const trovata = await svc.as(ATTORI.responsabilePandino)(cercaPersone, {
      codiceFiscale: 'BNCLRA45B52D142V',
    });
    expect(trovata.elementi.map((x) => x.id)).toEqual([p.id]);
  });

  it.each([
    [
      'a non-resident with no domicile in the Ambito',
      { ...persona('RSSMRA50A41D142K', MILANO), comuneDomicilio: MILANO },
      'PERSONA_FUORI_AMBITO',
    ],
    [
      'both a comune and a foreign state of residence',
      { ...persona('RSSMRA50A41D142K'), statoEsteroResidenza: ROMANIA },
      'VALIDAZIONE_FALLITA',
    ],
    [
      'Italy as a foreign state',
      {
        ...persona('RSSMRA50A41D142K'),
        comuneResidenza: undefined,
        statoEsteroResidenza: '380',
        comuneDomicilio: CREMA,
      },
      'VALIDAZIONE_FALLITA',
    ],
    [
      'neither comune nor state',
      { ...persona('RSSMRA50A41D142K'), comuneResidenza: undefined },
      'VALIDAZIONE_FALLITA',
    ],
  ])('refuses %s, writing nothing', async (_, dto, code) => {
    expect(await rifiuto(crema()(registraPersona, dto))).toBe(code);
    expect(await svc.sql(`SELECT 1 FROM persona WHERE codice_fiscale = 'RSSMRA50A41D142K'`)).toEqual([]);
  });

  it('publishes the new comune and its sub-ambito on a change of residence, and field names only on the update', async () => {
    const p = await crema()(registraPersona, persona('VRDNNA48C52L826Q'));
    await crema()(aggiornaPersona, { id: p.id, recapiti: { telefono: '0373 123456' } });
    await crema()(aggiornaPersona, { id: p.id, comuneResidenza: SONCINO, indirizzoResidenza: 'Via Roma 1' });
    expect(await eventi('accesso.persona.residenza-cambiata', p.id)).toEqual([
      { payload: { personaId: p.id, comuneResidenza: SONCINO, subAmbito: 'SA-SONCINO' } },
    ]);
    expect(await eventi('accesso.persona.aggiornata', p.id)).toEqual([
      { payload: { personaId: p.id, campi: ['recapiti'] } },
      { payload: { personaId: p.id, campi: ['comuneResidenza', 'indirizzoResidenza'] } },
    ]);
    // Now she lives in Soncino: Crema's operators no longer see her, Soncino's do; a move abroad clears the comune.
    expect(await rifiuto(crema()(leggiPersona, { id: p.id }))).toBe('PERSONA_NON_TROVATA');
    const estero = await svc.as(ATTORI.operatoreSoncino)(aggiornaPersona, {
      id: p.id,
      statoEsteroResidenza: ROMANIA,
    });
    expect(estero).toMatchObject({ comuneResidenza: null, statoEsteroResidenza: ROMANIA });
    expect((await eventi('accesso.persona.residenza-cambiata', p.id)).at(-1)).toEqual({
      payload: { personaId: p.id, comuneResidenza: null, subAmbito: null },
    });
  });
});
