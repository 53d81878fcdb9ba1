import { PRESA_IN_CARICO_RPC, type CartellaV1 } from '@ambito/contracts';
import {
  cartellaAperta,
  ATTORI,
  CREMA,
  apertura,
  codiceFiscale,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from './presa-in-carico-harness';

/** ADL answers of a fully autonomous person. */
export const ADL_AUTONOMO = {
  'fare-il-bagno': 1,
  vestirsi: 1,
  'uso-servizi': 1,
  spostarsi: 1,
  continenza: 1,
  alimentarsi: 1,
};

/** The Crema équipe of the presa-in-carico specs, registered by its coordinator. */
export async function registraEquipeCrema(svc: TestPresaInCarico): Promise<void> {
  for (const [userId, nome, professione] of [
    ['as.crema', 'Sara Riva', 'assistente-sociale'],
    ['as.crema2', 'Elena Sala', 'assistente-sociale'],
    ['edu.crema', 'Luca Mori', 'educatore'],
    ['psi.crema', 'Anna Neri', 'psicologo'],
  ] as const)
    await svc.as(ATTORI.coordinatoreCrema)(PRESA_IN_CARICO_RPC.registraMembroEquipe, {
      subAmbito: 'SA-CREMA',
      userId,
      nome,
      professione,
    });
}

/** A case opened and assigned to as.crema. */
export async function casoInCarico(svc: TestPresaInCarico): Promise<CartellaV1> {
  const coordinatore = svc.as(ATTORI.coordinatoreCrema);
  const c = cartellaAperta(
    await coordinatore(PRESA_IN_CARICO_RPC.apriCartella, apertura(codiceFiscale(), CREMA)),
  );
  return coordinatore(PRESA_IN_CARICO_RPC.assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
}

/**
 * The service on a fresh database with the Crema équipe, for the specs of one file: registers the
 * lifecycle hooks and gives the senders of the actors most specs use.
 */
export function scenarioCrema() {
  let svc: TestPresaInCarico | undefined;
  beforeAll(async () => {
    svc = await startTestPresaInCarico();
    await registraEquipeCrema(svc);
  });
  afterAll(async () => {
    await svc?.close();
  });
  const attivo = (): TestPresaInCarico => {
    if (!svc) throw new Error('scenarioCrema: il servizio non è avviato (beforeAll)');
    return svc;
  };
  return {
    get svc(): TestPresaInCarico {
      return attivo();
    },
    coordinatore: () => attivo().as(ATTORI.coordinatoreCrema),
    caseManager: () => attivo().as(ATTORI.asCrema),
    comune: () => attivo().as(ATTORI.responsabileCrema),
    /** A case opened and assigned to as.crema. */
    inCarico: () => casoInCarico(attivo()),
  };
}
