import { istruzionePreparata } from './istruzione-preparata';

describe('istruzionePreparata', () => {
  const sql = 'INSERT INTO voce_audit (utente) VALUES ($1)';

  it('is the SQL text for whoever reads it, and a named statement for pg', () => {
    const istruzione = istruzionePreparata(sql) as unknown as { name: string; text: string };
    expect(String(istruzione)).toBe(sql);
    expect(istruzione.text).toBe(sql);
    expect(istruzione.name).toMatch(/^ambito_[0-9a-f]{24}$/);
  });

  it('names a text always the same, and two texts apart', () => {
    const nome = (s: string) => (istruzionePreparata(s) as unknown as { name: string }).name;
    expect(nome(sql)).toBe(nome(sql));
    expect(nome(sql)).not.toBe(nome(`${sql} RETURNING id`));
  });

  it('gives a new object each call, since pg writes the values of a call into it', () => {
    const a = istruzionePreparata(sql) as unknown as Record<string, unknown>;
    a.values = ['operatore.crema'];
    expect((istruzionePreparata(sql) as unknown as Record<string, unknown>).values).toBeUndefined();
  });
});
