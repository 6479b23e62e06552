export * from './core/index.ts';
export * from './adapters/contract.ts';
