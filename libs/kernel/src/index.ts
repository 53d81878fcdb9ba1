export * from './codice-fiscale';
export * from './is-codice-fiscale.decorator';
export * from './money';
export * from './iso-date';
export * from './date-period';
