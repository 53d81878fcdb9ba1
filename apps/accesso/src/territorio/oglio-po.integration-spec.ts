import path from 'node:path';
import { ACCESSO_RPC } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import { CREMA, accesso, persona, startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

const OGLIO_PO = path.resolve(__dirname, '../../../../libs/territorio/src/seed/ambito-oglio-po.v1.json');
const VIADANA = '020066';
const { leggiTerritorio, registraPersona, registraAccesso } = ACCESSO_RPC;

describe('accesso on the Ambito Oglio Po territorio (TERRITORIO_FILE)', () => {
  let svc: TestAccesso;
  let verdi: string;
  const operatoreViadana = testActor('operatore.viadana', ['operatore-accesso'], ['SA-VIADANESE']);
  const operatore = () => svc.as(operatoreViadana, 'colloquio di segretariato');

  beforeAll(async () => {
    svc = await startTestAccesso({ TERRITORIO_FILE: OGLIO_PO });
  });
  afterAll(() => svc?.close());

  it('serves the Oglio Po territorio', async () => {
    const t = await operatore()(leggiTerritorio, {});
    expect(t.ambito).toMatchObject({ codice: 'AT-OGLIO-PO' });
    expect(t.comuni.find((c) => c.istat === VIADANA)?.subAmbito).toBe('SA-VIADANESE');
  });

  it('registers a persona resident in Viadana and an accesso at a Viadana sede', async () => {
    const p = await operatore()(registraPersona, {
      ...persona('VRDNNA48C52L826Q', VIADANA, 'Verdi'),
      nome: 'Anna',
      dataNascita: '1948-03-12',
      luogoNascita: 'L826',
    });
    expect(p).toMatchObject({ codiceFiscale: 'VRDNNA48C52L826Q', comuneResidenza: VIADANA });
    verdi = p.id;
    const a = await operatore()(registraAccesso, accesso(p.id, 'SEDE-ASCOP-VIADANA'));
    expect(a).toMatchObject({ stato: 'aperto', subAmbito: 'SA-VIADANESE', comuneResidenza: VIADANA });
    const [riga] = await svc.sql('SELECT sede, sub_ambito FROM accesso WHERE id = $1', [a.id]);
    expect(riga).toEqual({ sede: 'SEDE-ASCOP-VIADANA', sub_ambito: 'SA-VIADANESE' });
  });

  it('knows only the comuni and sedi of its own ambito', async () => {
    // A resident of Crema is registered here only if she lives in the Oglio Po (domicile).
    expect(await rifiuto(operatore()(registraPersona, persona('RSSMRA50A41D142K', CREMA)))).toBe(
      'PERSONA_FUORI_AMBITO',
    );
    expect(
      await operatore()(registraPersona, { ...persona('RSSMRA50A41D142K', CREMA), comuneDomicilio: VIADANA }),
    ).toMatchObject({ comuneResidenza: CREMA, comuneDomicilio: VIADANA });
    expect(await rifiuto(operatore()(registraAccesso, accesso(verdi, 'SEDE-CREMA-HUB')))).toBe(
      'SEDE_SCONOSCIUTA',
    );
  });
});
