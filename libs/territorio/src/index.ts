export * from './territorio-file';
export * from './territorio-config';
