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
  return planSome(invitees, undefined, adapter, options);
}

/**
 * `plan` over some of the invitees, `targets` (positions in `invitees`, in order), with each batch's
 * `indexes` pointing into `invitees`: what the engine sends in a pass. Undefined targets: all of them.
 */
export function planSome<T extends Invitee>(
  invitees: readonly T[],
  targets: readonly number[] | undefined,
  adapter: Pick<InviteAdapter, 'maxBatchSize' | 'groupBy'>,
  options: PlanOptions = {},
): Batch<T>[] {
  const size = Math.floor(Math.min(adapter.maxBatchSize, options.maxBatchSize ?? Number.POSITIVE_INFINITY));
  if (!(size >= 1)) throw new RangeError(`A batch must hold at least one invitee; got a maximum of ${size}.`);
  const count = targets ? targets.length : invitees.length;

  const groups = new Map<string, number[]>();
  for (let k = 0; k < count; k++) {
    const index = targets ? targets[k]! : k;
    const key = adapter.groupBy ? adapter.groupBy(invitees[index]!) : '';
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  }

  const batches: Batch<T>[] = [];
  for (const [group, members] of groups) {
    for (let start = 0; start < members.length; start += size) {
      const indexes = size === 1 ? [members[start]!] : members.slice(start, start + size);
      const batch: T[] = new Array(indexes.length);
      for (let i = 0; i < indexes.length; i++) batch[i] = invitees[indexes[i]!]!;
      batches.push({ group, indexes, invitees: batch });
    }
  }
  return batches;
}
