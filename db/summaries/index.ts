export * from './refresh';
