/**
 * A run's results worded from a table: an address's outcome, a run's stop reason. Each takes the thing
 * as the core hands it out (code and params side by side) and an optional table; a table without the
 * entry falls back to English. Something without `params` (saved by format 1 of `serialize()`) keeps
 * the `message` it has.
 */
import type { StopReason } from '../send/result-codes.ts';
import { formatMessage } from './format.ts';
import type { MessageKey, MessageOverrides } from './types.ts';

/** The table's area for a status: an address left unsent, a row the intake rejected, a row left out of the run. */
const AREA: Readonly<Record<string, string>> = { pending: 'pending', invalid: 'row', duplicate: 'row', excluded: 'export' };

/**
 * The sentence for an address's record or an export row (`ResultRow`): `pending.CODE` for one left
 * unsent, `row.CODE` for a row the intake rejected, `export.CODE` for one left out of the run,
 * `outcome.CODE` otherwise. Undefined when there is nothing to say (a plain `sent`, a `queued`).
 */
export function formatOutcome(
  record: { status: string; code?: string | undefined; params?: object | undefined; message?: string | undefined },
  messages?: MessageOverrides,
): string | undefined {
  if (record.code === undefined || record.params === undefined) return record.message;
  const key = `${AREA[record.status] ?? 'outcome'}.${record.code}` as MessageKey;
  return formatMessage(key, record.params as never, messages);
}

/** Why a run stopped, as a sentence. */
export function formatStopReason(stop: StopReason, messages?: MessageOverrides): string {
  if (stop.params === undefined) return stop.message;
  return formatMessage(`runStop.${stop.code}`, stop.params as never, messages);
}
