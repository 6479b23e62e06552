/**
 * `react-bulk-invite`: the headless core (everything `react-bulk-invite/core` exports) and the vendor
 * adapters' factories with their option types. The adapters' internals (base URLs, paths, header names,
 * schemas, limits) stay internal. `public-api.test-d.ts` pins this list.
 */
export * from './core/index.ts';

export { createDigaAdapter } from './adapters/diga.ts';
export type { DigaAdapterOptions } from './adapters/diga.ts';
export { createWixAdapter } from './adapters/wix.ts';
export type { WixAdapter, WixAdapterOptions, WixSiteInvite } from './adapters/wix.ts';
export { createConfidentAiAdapter, loadConfidentAiRoles } from './adapters/confident-ai.ts';
export type { ConfidentAiAdapterOptions } from './adapters/confident-ai.ts';
export { createAthenaAdapter } from './adapters/athenahq.ts';
export type { AthenaAdapterOptions, AthenaInviteMethod } from './adapters/athenahq.ts';
