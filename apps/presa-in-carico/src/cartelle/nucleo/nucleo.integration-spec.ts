import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { eventoDi } from '../../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../../test/presa-in-carico-scenario';

const { leggiCartella, leggiDiario, aggiornaNucleo } = PRESA_IN_CARICO_RPC;

describe('presa in carico › nucleo familiare', () => {
  const scenario = scenarioCrema();
  const { caseManager, comune, inCarico } = scenario;

  it('records the members and their relationship, replaced as a whole and traced in the diario', async () => {
    const c = await inCarico();
    const figlia = {
      cognome: 'Bianchi',
      nome: 'Paola',
      dataNascita: '1975-02-10',
      relazione: 'figlio' as const,
      convivente: false,
      caregiver: true,
    };
    const moglie = {
      cognome: 'Verdi',
      nome: 'Rosa',
      relazione: 'coniuge' as const,
      convivente: true,
      caregiver: false,
    };
    const conNucleo = await caseManager()(aggiornaNucleo, { id: c.id, membri: [moglie, figlia] });
    expect(conNucleo.nucleo).toEqual([
      { ...moglie, codiceFiscale: null, dataNascita: null },
      { ...figlia, codiceFiscale: null },
    ]);
    const aggiornato = await caseManager()(aggiornaNucleo, { id: c.id, membri: [figlia] });
    expect(aggiornato.nucleo.map((m) => m.nome)).toEqual(['Paola']);
    const diario = await caseManager()(leggiDiario, { id: c.id });
    expect(diario.filter((v) => v.tipo === 'nucleo').map((v) => v.testo)).toEqual([
      'Nucleo familiare aggiornato: 2 componenti, 1 conviventi; caregiver: Paola Bianchi (figlio).',
      'Nucleo familiare aggiornato: 1 componenti, 0 conviventi; caregiver: Paola Bianchi (figlio).',
    ]);
    expect(
      await rifiuto(
        caseManager()(aggiornaNucleo, { id: c.id, membri: [{ ...figlia, relazione: 'amica' as 'altro' }] }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(comune()(aggiornaNucleo, { id: c.id, membri: [] }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect((await comune()(leggiCartella, { id: c.id })).nucleo).toHaveLength(1);
  });

  it('accepts affini up to the 2nd degree as caregiver familiari', async () => {
    const c = await inCarico();
    const cognata = {
      cognome: 'Ferri',
      nome: 'Giulia',
      relazione: 'cognato-cognata' as const,
      convivente: false,
      caregiver: true,
    };
    const nuora = { ...cognata, nome: 'Marta', relazione: 'genero-nuora' as const, caregiver: false };
    const conAffini = await caseManager()(aggiornaNucleo, { id: c.id, membri: [cognata, nuora] });
    expect(conAffini.nucleo.map((m) => [m.relazione, m.caregiver])).toEqual([
      ['cognato-cognata', true],
      ['genero-nuora', false],
    ]);
  });
});

describe('presa in carico › nucleo familiare: affini and the event of a change', () => {
  const scenario = scenarioCrema();
  const { caseManager, inCarico } = scenario;

  it('accepts the affini up to the 2nd degree as caregiver and publishes the change with counts only', async () => {
    const c = await inCarico();
    const affini = (
      [
        'suocero-suocera',
        'genero-nuora',
        'cognato-cognata',
        'nonno-nonna-del-coniuge',
        'nipote-del-coniuge',
        'coniuge-del-nonno-nonna',
        'coniuge-del-nipote',
      ] as const
    ).map((relazione, i) => ({
      cognome: 'Neri',
      nome: `Affine${i}`,
      relazione,
      convivente: i === 0,
      caregiver: relazione === 'coniuge-del-nipote',
    }));
    const aggiornata = await caseManager()(PRESA_IN_CARICO_RPC.aggiornaNucleo, { id: c.id, membri: affini });
    expect(aggiornata.nucleo.map((m) => m.relazione)).toEqual(affini.map((a) => a.relazione));
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.nucleo.aggiornato',
      (p) => p.cartellaId === c.id,
    );
    expect(evento.payload).toEqual({
      cartellaId: c.id,
      episodio: 1,
      subAmbito: 'SA-CREMA',
      comuneResidenza: c.comuneResidenza,
      componenti: 7,
      conviventi: 1,
      caregiver: 1,
    });
    // Who they are stays in the cartella.
    expect(JSON.stringify(evento.payload)).not.toContain('Neri');
    expect(
      await rifiuto(
        caseManager()(PRESA_IN_CARICO_RPC.aggiornaNucleo, {
          id: c.id,
          membri: [{ ...affini[0], relazione: 'bisnonno-del-coniuge' as never }],
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
  });
});
