export * from './core/index.ts';
export * from './core/contract.ts';
export * from './adapters/diga.ts';
export * from './adapters/wix.ts';
export * from './adapters/confident-ai.ts';
export * from './adapters/athenahq.ts';
