export * from './operazioni';
export * from './sentinelle';
export * from './arbitrari';
export * from './richieste';
export * from './esegui';
export * from './log';
