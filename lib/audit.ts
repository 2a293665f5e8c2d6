import 'server-only';

export * from './audit-chain';
