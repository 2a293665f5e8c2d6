import 'server-only';

export * from './chain';
