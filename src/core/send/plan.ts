/**
 * Cuts invitees into requests an adapter accepts: never more than its batch size, never two group keys
 * (roles, policy sets) in one request. Deterministic: groups in order of first appearance, input order
 * within a group, so the same list always makes the same requests.
 */
import type { InviteAdapter, Invitee } from '../contract.ts';

export interface Batch<T extends Invitee = Invitee> {
  /** The adapter's `groupBy` key ('' when it has none). */
  readonly group: string;
  readonly invitees: readonly T[];
  /** Each invitee's position in the list given to `plan`. */
  readonly indexes: readonly number[];
}

export interface PlanOptions {
  /** A smaller cap than the adapter's own (never a larger one). */
  maxBatchSize?: number;
}

export function plan<T extends Invitee>(
  invitees: readonly T[],
  adapter: Pick<InviteAdapter, 'maxBatchSize' | 'groupBy'>,
  options: PlanOptions = {},
): Batch<T>[] {
  const size = Math.floor(Math.min(adapter.maxBatchSize, options.maxBatchSize ?? Number.POSITIVE_INFINITY));
  if (!(size >= 1)) throw new RangeError(`A batch must hold at least one invitee; got a maximum of ${size}.`);

  const groups = new Map<string, number[]>();
  invitees.forEach((invitee, index) => {
    const key = adapter.groupBy ? adapter.groupBy(invitee) : '';
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });

  const batches: Batch<T>[] = [];
  for (const [group, members] of groups) {
    for (let start = 0; start < members.length; start += size) {
      const indexes = members.slice(start, start + size);
      batches.push({ group, indexes, invitees: indexes.map((i) => invitees[i]!) });
    }
  }
  return batches;
}
