/** The core's messages (row problems, warnings, outcomes) in German; keys missing here read in English. */
import type { MessageOverrides } from '../../core/index.ts';

export const coreDe: MessageOverrides = {};
