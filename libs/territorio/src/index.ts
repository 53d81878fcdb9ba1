export * from './territorio-file';
