export * from './v1/stato.dto';
export * from './v1/assistenti-familiari.messages';
export * from './v1/vocabolari';
export * from './v1/sportello.dto';
export * from './v1/sportello.events';
export * from './v1/sportello.messages';
