export * from './xsd';
export * from './fake-pdnd';
export * from './fake-inps-isee';
