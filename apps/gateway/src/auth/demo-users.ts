import type { Ruolo } from '@ambito/contracts';

/** A user of the demo issuer (AUTH_MODE=demo: development on one's own machine, refused in production). */
export interface DemoUser {
  username: string;
  /** Token `sub`: the user id recorded in audit logs and events. */
  sub: string;
  name: string;
  ruoli: Ruolo[];
  subAmbiti: string[];
  /** ISTAT codes, for `responsabile-comune`. */
  comuni: string[];
}

/** Shared password of every demo user (documented in apps/gateway/README.md; not a secret). */
export const DEMO_PASSWORD = 'demo';

/** One user per role, in different sub-ambiti of the Ambito Cremasco. People are fictional. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'operatore.crema',
    sub: 'operatore.crema',
    name: 'Giulia Ferrari',
    ruoli: ['operatore-accesso'],
    subAmbiti: ['SA-CREMA'],
    comuni: [],
  },
  {
    username: 'operatore.soncino',
    sub: 'operatore.soncino',
    name: 'Marco Galli',
    ruoli: ['operatore-accesso'],
    subAmbiti: ['SA-SONCINO'],
    comuni: [],
  },
  {
    username: 'as.castelleone',
    sub: 'as.castelleone',
    name: 'Chiara Bassi',
    ruoli: ['assistente-sociale'],
    subAmbiti: ['SA-CASTELLEONE'],
    comuni: [],
  },
  {
    username: 'as.crema',
    sub: 'as.crema',
    name: 'Sara Riva',
    ruoli: ['assistente-sociale'],
    subAmbiti: ['SA-CREMA'],
    comuni: [],
  },
  {
    username: 'coordinatore.crema',
    sub: 'coordinatore.crema',
    name: 'Paolo Cattaneo',
    ruoli: ['coordinatore-sub-ambito'],
    subAmbiti: ['SA-CREMA'],
    comuni: [],
  },
  {
    username: 'responsabile.pandino',
    sub: 'responsabile.pandino',
    name: 'Laura Monti',
    ruoli: ['responsabile-comune'],
    subAmbiti: [],
    // Pandino
    comuni: ['019067'],
  },
  {
    username: 'responsabile.crema',
    sub: 'responsabile.crema',
    name: 'Franco Bonetti',
    ruoli: ['responsabile-comune'],
    subAmbiti: [],
    // Crema
    comuni: ['019035'],
  },
  {
    username: 'udp',
    sub: 'udp',
    name: 'Ufficio di Piano',
    ruoli: ['ufficio-di-piano'],
    subAmbiti: [],
    comuni: [],
  },
  {
    // A second user of the Ufficio di Piano: a graduatoria is approved by someone other than who formed
    // it or decided its istanze (APPROVAZIONE_DEL_PROPONENTE).
    username: 'udp.dirigente',
    sub: 'udp.dirigente',
    name: 'Dirigente dell’Ufficio di Piano',
    ruoli: ['ufficio-di-piano'],
    subAmbiti: [],
    comuni: [],
  },
  {
    username: 'admin',
    sub: 'admin',
    name: 'Amministratore di sistema',
    ruoli: ['amministratore'],
    subAmbiti: [],
    comuni: [],
  },
];
