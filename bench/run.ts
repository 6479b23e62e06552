/** `npm run bench`: every benchmark, each printing its ratios against the reference its issue names. */
import { benchEngine } from './engine.ts';
import { benchIntake } from './intake.ts';

await benchIntake();
await benchEngine();
await (await import('./mock-scale.ts')).benchMockScale();
