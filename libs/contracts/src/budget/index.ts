export * from './v1/vocabolari';
export * from './v1/fondi.dto';
export * from './v1/linee.dto';
export * from './v1/impegni.dto';
export * from './v1/situazione.dto';
export * from './v1/quote-comuni.dto';
export * from './v1/budget.events';
export * from './v1/budget.subjects';
