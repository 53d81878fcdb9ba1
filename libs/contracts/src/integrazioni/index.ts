export * from './v1/stato.dto';
export * from './v1/isee.dto';
export * from './v1/isee.messages';
export * from './v1/integrazioni.messages';
export * from './v1/gepi.dto';
export * from './v1/gepi.messages';
export * from './v1/siuss.dto';
export * from './v1/siuss.messages';
