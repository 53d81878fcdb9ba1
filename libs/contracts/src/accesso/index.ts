export * from './v1/vocabolari';
export * from './v1/persona.dto';
export * from './v1/accesso.dto';
export * from './v1/territorio.dto';
export * from './v1/proposta.dto';
export * from './v1/audit.dto';
export * from './v1/accesso.events';
export * from './v1/accesso.messages';
