/** Roles of the ambito's users. Wire values: do not change them. */
export const RUOLI = [
  'operatore-accesso',
  'assistente-sociale',
  'coordinatore-sub-ambito',
  'responsabile-comune',
  'ufficio-di-piano',
  'amministratore',
] as const;

export type Ruolo = (typeof RUOLI)[number];
