export * from './v1/stato.dto';
export * from './v1/integrazioni.messages';
