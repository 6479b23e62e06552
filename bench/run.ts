/** `npm run bench`: every benchmark, each printing its ratios against the reference its issue names. */
import { benchEngine } from './engine.ts';
import { checkText } from '../src/core/index.ts';
import { benchIntake } from './intake.ts';
import { benchLineShapes } from './line-shapes.ts';
import { benchBadInputs } from './bad-inputs.ts';
import { benchDraft } from './draft.ts';

await benchIntake();
benchLineShapes((text) => checkText(text));
await benchBadInputs();
await benchDraft();
await benchEngine();
await (await import('./mock-scale.ts')).benchMockScale();
await (await import('./browser.ts')).benchBrowser();
