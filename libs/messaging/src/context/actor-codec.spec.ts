import type { Actor } from '@ambito/contracts';
import { decodeActor, encodeActor } from './actor-codec';

const actor: Actor = {
  userId: 'u-1',
  nome: 'Nicolò Bianchi',
  ruoli: ['operatore-accesso'],
  ambito: 'CREMA',
  subAmbiti: ['SA-CREMA'],
  comuni: [],
};

describe('actor header codec', () => {
  it('round-trips an actor with non-ASCII names as an ASCII header value', () => {
    const encoded = encodeActor(actor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeActor(encoded)).toEqual(actor);
  });

  it('rejects a header with an unknown role or a missing field', () => {
    expect(decodeActor(encodeActor({ ...actor, ruoli: ['superuser' as never] }))).toBeUndefined();
    const { subAmbiti: _omit, ...partial } = actor;
    expect(decodeActor(Buffer.from(JSON.stringify(partial)).toString('base64url'))).toBeUndefined();
    expect(decodeActor('not base64 json')).toBeUndefined();
    expect(decodeActor(undefined)).toBeUndefined();
  });
});
