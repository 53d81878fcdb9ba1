export * from './v1/stato.dto';
export * from './v1/assistenti-familiari.messages';
export * from './v1/vocabolari';
export * from './v1/requisiti.dto';
export * from './v1/candidatura.dto';
export * from './v1/iscrizione.dto';
export * from './v1/pubblico.dto';
export * from './v1/iscrizione.events';
