/** The English message table: every key the kit produces. */
import { enIntake } from './en-intake.ts';
import { enRun } from './en-run.ts';
import type { Messages } from './types.ts';

export const en: Messages = { ...enIntake, ...enRun };
