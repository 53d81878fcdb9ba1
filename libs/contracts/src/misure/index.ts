export * from './v1/stato.dto';
export * from './v1/misure.messages';
export * from './v1/vocabolari';
export * from './v1/regole.dto';
export * from './v1/dati-istanza.dto';
export * from './v1/istruttoria.dto';
export * from './v1/graduatorie.dto';
export * from './v1/simulazione.dto';
