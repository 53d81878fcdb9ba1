import { RUOLI, type Actor } from '@ambito/contracts';

/** NATS header values are ASCII: the actor travels as base64url JSON. */
export function encodeActor(actor: Actor): string {
  return Buffer.from(JSON.stringify(actor), 'utf8').toString('base64url');
}

/** Decodes and checks the shape of an actor header; undefined when absent or malformed. */
export function decodeActor(value: string | undefined | null): Actor | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Actor>;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (
      typeof parsed.userId !== 'string' ||
      typeof parsed.nome !== 'string' ||
      typeof parsed.ambito !== 'string' ||
      !strings(parsed.ruoli) ||
      !parsed.ruoli.every((r) => (RUOLI as readonly string[]).includes(r)) ||
      !strings(parsed.subAmbiti) ||
      !strings(parsed.comuni)
    ) {
      return undefined;
    }
    return parsed as Actor;
  } catch {
    return undefined;
  }
}
