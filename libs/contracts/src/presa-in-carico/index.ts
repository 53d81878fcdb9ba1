export * from './v1/vocabolari';
export * from './v1/cartella.dto';
export * from './v1/valutazione.dto';
export * from './v1/progetto.dto';
export * from './v1/monitoraggio.dto';
export * from './v1/presa-in-carico.events';
export * from './v1/presa-in-carico.subjects';
