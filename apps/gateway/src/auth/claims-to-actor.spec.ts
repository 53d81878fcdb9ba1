import { DomainError } from '@ambito/contracts';
import { actorFromClaims } from './claims-to-actor';

const claims = {
  sub: 'u-1',
  name: 'Giulia Ferrari',
  ruoli: ['operatore-accesso'],
  ambito: 'CREMA',
  sub_ambiti: ['SA-CREMA'],
  comuni: [],
};

function refusal(value: Record<string, unknown>): DomainError {
  try {
    actorFromClaims(value, 'CREMA');
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('claims accepted');
}

describe('claims → actor', () => {
  it('maps the claims of a token', () => {
    expect(actorFromClaims(claims, 'CREMA')).toEqual({
      userId: 'u-1',
      nome: 'Giulia Ferrari',
      ruoli: ['operatore-accesso'],
      ambito: 'CREMA',
      subAmbiti: ['SA-CREMA'],
      comuni: [],
    });
  });

  it('accepts `roles` for `ruoli`, ignores roles of other applications and defaults missing scopes', () => {
    const { ruoli: _r, sub_ambiti: _s, comuni: _c, ...rest } = claims;
    expect(
      actorFromClaims({ ...rest, roles: ['offline_access', 'ufficio-di-piano'] }, 'CREMA'),
    ).toMatchObject({
      ruoli: ['ufficio-di-piano'],
      subAmbiti: [],
      comuni: [],
    });
  });

  it.each([
    ['no sub', { ...claims, sub: undefined }],
    ['empty sub', { ...claims, sub: ' ' }],
    ['no name', { ...claims, name: undefined }],
    ['no roles', { ...claims, ruoli: undefined }],
    ['roles not an array', { ...claims, ruoli: 'amministratore' }],
    ['no role of the platform', { ...claims, ruoli: ['superuser'] }],
    ['no ambito', { ...claims, ambito: undefined }],
    ['sub_ambiti not strings', { ...claims, sub_ambiti: [1] }],
    ['comuni not ISTAT codes', { ...claims, ruoli: ['responsabile-comune'], comuni: ['Pandino'] }],
    ['sub-ambito role without sub-ambiti', { ...claims, sub_ambiti: [] }],
    ['responsabile-comune without comuni', { ...claims, ruoli: ['responsabile-comune'], sub_ambiti: [] }],
  ])('refuses a token with %s', (_case, value) => {
    const error = refusal(value);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NON_AUTENTICATO');
  });

  it('refuses a token of another ambito', () => {
    const error = refusal({ ...claims, ambito: 'OGLIO-PO' });
    expect(error.code).toBe('NON_AUTENTICATO');
    expect(error.message).toMatch(/altro Ambito/);
  });
});
