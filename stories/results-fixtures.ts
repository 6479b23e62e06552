/**
 * Runs and snapshots for the results table's stories and browser tests: a real run through the fake
 * vendor (no network), a run left sending, and a constructed snapshot of any size.
 */
import { createInviteDraft, createInviteRun, formatMessage, type AddressRecord, type DraftRow, type InviteRun, type Invitee, type OutcomeCounts, type OutcomeStatus, type RunSnapshot } from '../src/core/index.ts';
import { createFakeVendor, createVirtualClock } from '../src/core/testing/index.ts';

/** Ten rows: three sent, one skipped, one failed, three pending (the key was revoked), one invalid, one duplicate. */
export const MIXED_LIST = [
  'email,name,role',
  'ann@example.com,Ann Lee,admin',
  'bob@example.com,Bob Stone,member',
  'cat@example.com,Cat Ng,member',
  'not-an-address,Dan Ford,member',
  'ANN@example.com,Ann again,member',
  'eve@example.com,"=HYPERLINK(""http://evil"")",member',
  'fay@example.com,<img src=x onerror=alert(1)>,member',
  'gus@example.com,Gus Hale,member',
  'hal@example.com,-Hal,member',
  'ivy@example.com,@Ivy,member',
].join('\n');

export interface FinishedRun {
  run: InviteRun;
  snapshot: RunSnapshot;
  rows: readonly DraftRow[];
}

/**
 * The list above, sent one address per request: cat is already invited (skipped), eve is refused (failed),
 * and the sixth request meets a revoked key, which stops the run: gus, hal and ivy stay pending.
 */
export async function finishedRun(list = MIXED_LIST): Promise<FinishedRun> {
  const draft = createInviteDraft({ roles: ['admin', 'member'], defaultRole: 'member' });
  await draft.load(list);
  const rows = draft.getSnapshot().rows;
  const run = createInviteRun(draft.toInvitees(), { clock: createVirtualClock() });
  const vendor = createFakeVendor({
    maxBatchSize: 1,
    existing: ['cat@example.com'],
    refuses: (email) => email === 'eve@example.com',
    fault: (request) => (request.number === 6 ? { kind: 'error', code: 'AUTH_FAILED' } : null),
  });
  const snapshot = await run.send({ adapter: vendor, rateLimit: false, concurrency: 1 });
  return { run, snapshot, rows };
}

/**
 * A run left sending: the first requests are answered, the next two never are (no deadline), the rest
 * wait their turn. `stop()` cancels it.
 */
export function sendingRun(count = 40): { run: InviteRun; invitees: Invitee[]; stop(): void } {
  const invitees = Array.from({ length: count }, (_, i): Invitee => ({ email: `person.${i + 1}@example.com`, line: i + 2, name: `Person ${i + 1}`, role: 'member' }));
  const run = createInviteRun(invitees);
  const vendor = createFakeVendor({
    maxBatchSize: 5,
    refuses: (email) => email === 'person.3@example.com',
    fault: (request) => (request.number > 3 ? { kind: 'hang' } : null),
  });
  run.send({ adapter: vendor, rateLimit: false, concurrency: 2, timeoutMs: 0 }).catch(() => {});
  return { run, invitees, stop: () => run.cancel() };
}

const LONG_REASON = 'The mailbox refused invitations from this workspace: its domain policy only accepts senders on the allow list (policy 4.7.1).';

/** Which status row `i` of a constructed snapshot has (deterministic; the last rows pending). */
function statusAt(i: number, total: number): Exclude<OutcomeStatus, 'queued' | 'in-flight'> {
  if (i >= total - Math.min(500, Math.floor(total / 20))) return 'pending';
  if (i % 97 === 5) return 'failed';
  if (i % 41 === 3) return 'skipped';
  return 'sent';
}

/**
 * A cancelled run of `total` addresses, built directly (no engine): nearly all sent, every 41st skipped,
 * every 97th failed (some with a long reason), the last few hundred pending.
 */
export function constructedSnapshot(total = 100_000): RunSnapshot {
  const invitees: Invitee[] = Array.from({ length: total }, (_, i) => ({
    email: `person.${String(i + 1).padStart(6, '0')}@example.com`,
    line: i + 2,
    name: `Person ${i + 1}`,
    role: i % 10 === 0 ? 'admin' : 'member',
  }));
  const counts: OutcomeCounts = { queued: 0, inFlight: 0, sent: 0, skipped: 0, failed: 0, pending: 0 };
  for (let i = 0; i < total; i++) counts[statusAt(i, total)]++;
  const at = (index: number): AddressRecord => {
    const status = statusAt(index, total);
    const invitee = invitees[index]!;
    const base = { index, email: invitee.email, line: invitee.line!, status, attempts: status === 'pending' ? 0 : 1 };
    if (status === 'failed') {
      const vendorMessage = index % 2 ? LONG_REASON : 'Refused.';
      const params = { reason: 'SAID' as const, vendorMessage };
      return { ...base, code: 'VENDOR_REJECTED', params, message: formatMessage('outcome.VENDOR_REJECTED', params), vendorMessage, retryable: false };
    }
    if (status === 'skipped') return { ...base, code: 'ALREADY_INVITED', params: {}, message: formatMessage('outcome.ALREADY_INVITED', {}), vendorMessage: 'Invitation already sent' };
    if (status === 'sent') return { ...base, vendorId: `inv-${index}` };
    // Pending with no code of its own: the cancelled run says why.
    return base;
  };
  let outcomes: AddressRecord[] | undefined;
  return {
    status: 'cancelled',
    total,
    counts,
    retryable: 0,
    requests: { made: Math.ceil(total / 50), batches: Math.ceil(total / 50), rateLimited: 0, failed: 0 },
    invitees,
    at,
    get outcomes() {
      return (outcomes ??= invitees.map((_, i) => at(i)));
    },
  };
}
