import {
  ASSISTENTI_FAMILIARI_RPC,
  CAMPI_PUBBLICABILI,
  type CampoPubblicabile,
  type PresentaCandidaturaV1,
  type VoceRegistroPubblicoV1,
} from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { RegistroPubblicoService } from './registro-pubblico.service';
import { CASALMAGGIORE, VIADANA, candidaturaExtraUe, candidaturaUe } from '../../test/candidature';

const R = ASSISTENTI_FAMILIARI_RPC;

/** What the public entry shows of a scheda for each consentable field. */
const VALORE: Record<CampoPubblicabile, (d: PresentaCandidaturaV1) => unknown> = {
  nome: (d) => d.assistente.nome,
  competenze: (d) => d.scheda.competenze,
  formazione: (d) => d.scheda.formazione,
  disponibilita: (d) => d.scheda.disponibilita,
  lingue: (d) => d.scheda.lingue,
  aree: (d) => d.scheda.aree,
  convivente: (d) => d.scheda.convivente,
  esperienzaMesi: (d) => d.scheda.esperienzaMesi,
};

describe('the public register (no user: the anonymous actor of the gateway’s public route)', () => {
  let svc: TestAssistentiFamiliari;
  const iscritte = new Map<string, { dati: PresentaCandidaturaV1; campi: CampoPubblicabile[] | null }>();

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
  });
  afterAll(() => svc?.close());

  async function iscrivi(dati: PresentaCandidaturaV1, campi: CampoPubblicabile[] | null): Promise<string> {
    const attore = dati.sportello === 'SPORTELLO-AF-VIADANA' ? ATTORI.viadana : ATTORI.casalmaggiore;
    const c = await svc.as(attore)(R.presentaCandidatura, dati);
    const { iscrizioneId } = await svc.as(attore)(R.decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    if (campi)
      await svc.as(attore)(R.registraConsenso, {
        id: iscrizioneId!,
        campi,
        documento: `CONS-${iscrizioneId}`,
      });
    iscritte.set(iscrizioneId!, { dati, campi });
    return iscrizioneId!;
  }
  const elenco = async (filtro: object = {}) =>
    (await svc.as(ATTORI.pubblico)(R.elencaRegistroPubblico, { perPagina: 200, ...filtro })).elementi;
  const ids = async (filtro: object = {}) => (await elenco(filtro)).map((v) => v.id);

  it('shows, of every scheda, exactly the fields consented and never a contact field', async () => {
    const consensi: Array<CampoPubblicabile[] | null> = [
      null,
      [...CAMPI_PUBBLICABILI],
      ['competenze'],
      ['nome', 'lingue', 'aree'],
      ['disponibilita', 'convivente', 'esperienzaMesi', 'formazione'],
    ];
    for (const [n, campi] of consensi.entries())
      await iscrivi(n % 2 ? candidaturaUe() : candidaturaExtraUe('2030-01-01'), campi);

    const voci = await elenco();
    const conConsenso = [...iscritte].filter(([, v]) => v.campi).map(([id]) => id);
    expect(voci.map((v) => v.id).sort()).toEqual(conConsenso.sort());
    const testo = JSON.stringify(voci);
    for (const voce of voci) {
      const { dati, campi } = iscritte.get(voce.id)!;
      // No field beyond the public entry's: no surname, codice fiscale, phone, e-mail or address.
      expect(Object.keys(voce).sort()).toEqual(['id', 'sportello', ...CAMPI_PUBBLICABILI].sort());
      expect(voce.sportello).toBe(dati.sportello);
      for (const campo of CAMPI_PUBBLICABILI) {
        const atteso = campi!.includes(campo) ? VALORE[campo](dati) : null;
        expect({ campo, valore: voce[campo as keyof VoceRegistroPubblicoV1] }).toEqual({
          campo,
          valore: atteso,
        });
      }
      for (const privato of [
        dati.assistente.codiceFiscale,
        dati.assistente.telefono,
        dati.assistente.email,
        dati.assistente.indirizzo,
        dati.assistente.cognome,
      ])
        expect(testo).not.toContain(privato!);
    }
  });

  it('filters by area, competence, language and availability, and only on consented fields', async () => {
    const tutto = await iscrivi(candidaturaUe(), [...CAMPI_PUBBLICABILI]);
    const soloNome = await iscrivi(candidaturaUe(), ['nome']);
    expect(await ids({ area: CASALMAGGIORE })).toContain(tutto);
    expect(await ids({ area: CASALMAGGIORE })).not.toContain(soloNome);
    expect(await ids({ area: '019035' })).not.toContain(tutto);
    expect(await ids({ competenza: 'demenza' })).toContain(tutto);
    expect(await ids({ competenza: 'mobilizzazione' })).not.toContain(tutto);
    expect(await ids({ lingua: 'ro' })).toContain(tutto);
    expect(await ids({ lingua: 'uk' })).not.toContain(tutto);
    // Available Monday 9-13 (within 8-14), not Monday 13-16 nor Tuesday.
    expect(await ids({ giorno: 'lun', dalle: 9, alle: 13 })).toContain(tutto);
    expect(await ids({ giorno: 'lun', dalle: 13, alle: 16 })).not.toContain(tutto);
    expect(await ids({ giorno: 'mar', dalle: 9, alle: 10 })).not.toContain(tutto);
    expect(
      await ids({ area: VIADANA, competenza: 'cucina', lingua: 'it', giorno: 'mer', dalle: 8, alle: 14 }),
    ).toContain(tutto);
    expect(await rifiuto(svc.as(ATTORI.pubblico)(R.elencaRegistroPubblico, { giorno: 'lun' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(
      await rifiuto(svc.as(ATTORI.pubblico)(R.elencaRegistroPubblico, { giorno: 'lun', dalle: 10, alle: 9 })),
    ).toBe('VALIDAZIONE_FALLITA');
  });

  it('removes a scheda at once when its consent is revoked, even right after a cached read', async () => {
    const id = await iscrivi(candidaturaUe(), ['competenze', 'aree']);
    const servizio = svc.app.get(RegistroPubblicoService);
    const letture = jest.spyOn(servizio as unknown as { leggi: () => Promise<unknown> }, 'leggi');
    expect(await ids({ area: CASALMAGGIORE })).toContain(id);
    expect(await ids({ area: CASALMAGGIORE })).toContain(id);
    expect(letture).toHaveBeenCalledTimes(1); // the second answer came from the cache
    const i = await svc.as(ATTORI.viadana)(R.revocaConsenso, { id });
    expect(i.consenso).toBeNull();
    expect(i.storia.map((s) => s.tipo)).toEqual(['iscritta', 'consenso-dato', 'consenso-revocato']);
    expect(await ids({ area: CASALMAGGIORE })).not.toContain(id);
    expect(letture).toHaveBeenCalledTimes(2);
    letture.mockRestore();
    expect(await rifiuto(svc.as(ATTORI.viadana)(R.revocaConsenso, { id }))).toBe('CONSENSO_NON_PRESENTE');
    // The consents stay recorded, closed.
    expect(
      await svc.sql(`SELECT revocato_da FROM consenso_pubblicazione WHERE iscrizione_id = $1`, [id]),
    ).toEqual([{ revocato_da: 'sportello.viadana' }]);
  });

  it('a new consent replaces the one in force: the list shows the new fields at once', async () => {
    const id = await iscrivi(candidaturaUe(), ['nome']);
    expect((await elenco()).find((v) => v.id === id)).toMatchObject({ nome: 'Elena', lingue: null });
    await svc.as(ATTORI.casalmaggiore)(R.registraConsenso, { id, campi: ['lingue'], documento: 'CONS-2' });
    expect((await elenco()).find((v) => v.id === id)).toMatchObject({ nome: null, lingue: ['ro', 'it'] });
  });

  it('removes a scheda whose permit expired (re-verification) and a cancelled one', async () => {
    const scade = await iscrivi(candidaturaExtraUe('2026-06-30'), [...CAMPI_PUBBLICABILI]);
    const cancellata = await iscrivi(candidaturaUe(), [...CAMPI_PUBBLICABILI]);
    expect(await ids()).toEqual(expect.arrayContaining([scade, cancellata]));
    await svc.as(ATTORI.udp)(R.riverificaRegistro, { giorno: '2026-07-01' });
    await svc.as(ATTORI.casalmaggiore)(R.cancellaIscrizione, {
      id: cancellata,
      causa: 'nuova-condanna',
      motivazione: 'Comunicazione della Prefettura',
    });
    const dopo = await ids();
    expect(dopo).not.toContain(scade);
    expect(dopo).not.toContain(cancellata);
  });

  it('answers only the anonymous actor: users go through the same public route', async () => {
    expect(await rifiuto(svc.as(ATTORI.udp)(R.elencaRegistroPubblico, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
  });
});
