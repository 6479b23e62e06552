/** Words a message: from the caller's table, else from the English one. */
import { en } from './en.ts';
import type { MessageKey, MessageOverrides, MessageParams } from './types.ts';

/**
 * The sentence for `key` with `params`, from `messages` (a host's table, complete or partial); a key the
 * table lacks is worded in English.
 */
export function formatMessage<K extends MessageKey>(key: K, params: MessageParams[K], messages: MessageOverrides = en): string {
  const entry = messages[key] ?? en[key];
  // A key from another version of the kit (a saved draft, a worker's answer): shown as itself, never a crash.
  return entry ? entry(params) : key;
}
