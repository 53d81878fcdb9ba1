import { ACCESSO_RPC, MISURE_RPC } from '@ambito/contracts';
import { eventually } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { codiceFiscale } from '../../../presa-in-carico/test/presa-in-carico-harness';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { CREMA, avvisoPubblicato, istanza } from '../../test/istanze-di-prova';
import { giorno } from '../../test/regole-di-prova';

/*
 * The istanze with the real accesso and presa in carico beside misure (no stand-in): the persona comes
 * from accesso's registry, and accesso's event of a definitive ricovero re-runs the istruttoria of the
 * person's open istanza through RiesameIstruttorie, with the event's type as its cause.
 */
describe('istanze with the real sources: persona from accesso, istruttoria re-run by its events', () => {
  let svc: TestMisure;

  beforeAll(async () => {
    svc = await startTestMisure({ servizi: true });
  });
  afterAll(() => svc?.close());

  it('presents with accesso’s persona and re-runs the istruttoria when a definitive ricovero begins', async () => {
    const operatoreAccesso = svc.servizi!.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'istanza di misura B2');
    const p = await operatoreAccesso(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    const avvisoId = await avvisoPubblicato(svc);

    const presentata = await svc.as(ATTORI.operatore)(MISURE_RPC.presentaIstanza, istanza(avvisoId, p.id));
    expect(presentata).toMatchObject({ comuneResidenza: CREMA, esito: 'ammissibile', area: 'anziani' });
    expect(presentata.ultimaIstruttoria!.input.dati).toMatchObject({
      dataNascita: p.dataNascita,
      residenteNellAmbito: true,
      alDomicilio: true,
    });

    await operatoreAccesso(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'residenziale-definitivo',
      dal: giorno(),
    });
    const storia = await eventually(
      async () => {
        const s = await svc.as(ATTORI.udp)(MISURE_RPC.elencaIstruttorie, { istanzaId: presentata.id });
        if (s.length < 2) throw new Error('istruttoria non ancora rieseguita');
        return s;
      },
      { timeoutMs: 15_000 },
    );
    expect(storia[1]).toMatchObject({
      numero: 2,
      causa: 'accesso.ricovero.iniziato',
      istruitaDa: 'servizio:misure',
      esito: 'non-ammissibile',
    });
    expect(storia[1].input.dati.alDomicilio).toBe(false);
    const [riga] = await svc.sql<{ esito: string }>(`SELECT esito FROM istanza WHERE id = $1`, [
      presentata.id,
    ]);
    expect(riga.esito).toBe('non-ammissibile');
  });
});
