import type { Actor } from '@ambito/contracts';
import { assertDecisore, assertEquipe, visibile, visibilitaCartelle, visibilitaConteggi } from './visibilita';

const actor = (
  userId: string,
  ruoli: Actor['ruoli'],
  subAmbiti: string[] = [],
  comuni: string[] = [],
): Actor => ({
  userId,
  nome: userId,
  ruoli,
  ambito: 'CREMA',
  subAmbiti,
  comuni,
});
const cartella = { subAmbito: 'SA-CREMA', comuneResidenza: '019035', caseManagerId: 'as.crema' };

describe('visibilità delle cartelle', () => {
  it('shows a case manager only its assigned cases, even in its own sub-ambito', () => {
    expect(
      visibile(cartella, visibilitaCartelle(actor('as.crema', ['assistente-sociale'], ['SA-CREMA']))),
    ).toBe(true);
    expect(
      visibile(cartella, visibilitaCartelle(actor('as.altra', ['assistente-sociale'], ['SA-CREMA']))),
    ).toBe(false);
  });

  it('shows an équipe member the cases it works on, and lets it work but not close them', () => {
    const membro = actor('psi.crema', ['assistente-sociale'], ['SA-CREMA']);
    const conMembro = { ...cartella, membri: ['psi.crema'] };
    expect(visibile(conMembro, visibilitaCartelle(membro))).toBe(true);
    expect(visibile(cartella, visibilitaCartelle(membro))).toBe(false);
    expect(() => assertEquipe(membro, conMembro)).not.toThrow();
    expect(() => assertEquipe(membro, conMembro, true)).toThrow();
  });

  it('shows the coordinator its whole sub-ambito and the responsabile-comune its residents', () => {
    expect(
      visibile(cartella, visibilitaCartelle(actor('c', ['coordinatore-sub-ambito'], ['SA-CREMA']))),
    ).toBe(true);
    expect(
      visibile(cartella, visibilitaCartelle(actor('c', ['coordinatore-sub-ambito'], ['SA-PANDINO']))),
    ).toBe(false);
    expect(visibile(cartella, visibilitaCartelle(actor('r', ['responsabile-comune'], [], ['019035'])))).toBe(
      true,
    );
    expect(visibile(cartella, visibilitaCartelle(actor('r', ['responsabile-comune'], [], ['019067'])))).toBe(
      false,
    );
  });

  it('never shows a cartella to the Ufficio di Piano, the administrator or the front desk', () => {
    for (const ruolo of ['ufficio-di-piano', 'amministratore', 'operatore-accesso'] as const)
      expect(() => visibilitaCartelle(actor('x', [ruolo], ['SA-CREMA']))).toThrow(/ruolo/);
  });

  it('lets only the équipe work the case and only the comune of residence decide', () => {
    expect(() =>
      assertEquipe(actor('as.crema', ['assistente-sociale'], ['SA-CREMA']), cartella),
    ).not.toThrow();
    expect(() => assertEquipe(actor('as.altra', ['assistente-sociale'], ['SA-CREMA']), cartella)).toThrow();
    expect(() => assertEquipe(actor('r', ['responsabile-comune'], [], ['019035']), cartella)).toThrow();
    expect(() => assertDecisore(actor('r', ['responsabile-comune'], [], ['019035']), cartella)).not.toThrow();
    expect(() => assertDecisore(actor('r', ['responsabile-comune'], [], ['019067']), cartella)).toThrow();
    expect(() => assertDecisore(actor('c', ['coordinatore-sub-ambito'], ['SA-CREMA']), cartella)).toThrow();
  });

  it('gives aggregated counts to the Ufficio di Piano (all) and coordinators (own sub-ambiti) only', () => {
    expect(visibilitaConteggi(actor('udp', ['ufficio-di-piano']))).toBeNull();
    expect(visibilitaConteggi(actor('c', ['coordinatore-sub-ambito'], ['SA-CREMA']))).toEqual(['SA-CREMA']);
    expect(() => visibilitaConteggi(actor('as', ['assistente-sociale'], ['SA-CREMA']))).toThrow();
  });
});
