import type { EntityManager } from 'typeorm';
import type { ParametroAdi } from './scadenze-adi';

/** Every version of the ADI parameters (a handful of rows): the engine picks the one in force. */
export async function parametriAdi(manager: EntityManager): Promise<ParametroAdi[]> {
  const righe: {
    codice: string;
    valido_dal: string;
    valido_al: string | null;
    valore: number;
    atto: string;
  }[] = await manager.query(
    `SELECT codice, valido_dal::text, valido_al::text, valore, atto
       FROM parametro_normativo WHERE codice LIKE 'adi.%' ORDER BY codice, valido_dal`,
  );
  return righe.map((r) => ({
    codice: r.codice,
    validoDal: r.valido_dal,
    validoAl: r.valido_al,
    valore: r.valore,
    atto: r.atto,
  }));
}
