/**
 * A consumer of the built package: imports each entry by the package's name, through `exports`, and
 * uses the public names as a host's code would. Compiled against dist/*.d.ts by `src/package.test.ts`
 * twice: as a Node program (tsconfig.node16.json: Node's types, no DOM) and as a bundled web app
 * (tsconfig.bundler.json: the DOM, no Node types). Never run.
 */
import {
  checkText,
  createInviteDraft,
  createInviteRun,
  inviteesFromRows,
  InviteError,
  resultsToCsv,
  type AddressOutcome,
  type CheckedRow,
  type InviteAdapter,
  type Invitee,
  type RunSnapshot,
} from 'react-bulk-invite/core';
import { createAthenaAdapter, createDigaAdapter, createWixAdapter, type WixAdapter } from 'react-bulk-invite';
import { createFakeVendor, createVirtualClock } from 'react-bulk-invite/testing';
import type { IntakeReply, IntakeRequest } from 'react-bulk-invite/intake/worker';
// @ts-expect-error internal tools are not exported
import { sleep } from 'react-bulk-invite/core';
// @ts-expect-error vendor paths are not exported
import { DIGA_BULK_PATH } from 'react-bulk-invite';
// @ts-expect-error no deep imports: only the entries in `exports`
import { createInviteRun as deep } from 'react-bulk-invite/dist/core.js';

/** A host's own backend, written against the contract alone. */
const hostAdapter: InviteAdapter = {
  vendor: 'my-backend',
  roles: ['admin', 'member'],
  maxBatchSize: 100,
  async send(batch: readonly Invitee[]): Promise<AddressOutcome[]> {
    const response = await fetch('/api/invites', { method: 'POST', body: JSON.stringify(batch) });
    if (response.status === 401) throw new InviteError('AUTH_FAILED', 'Signed out.', { status: 401 });
    return batch.map((invitee) => ({ email: invitee.email, status: 'sent' }));
  },
};

export async function inviteAll(pasted: string): Promise<string> {
  const checked = checkText(pasted, { roles: hostAdapter.roles, defaultRole: 'member' });
  const rows: readonly CheckedRow[] = checked.rows;
  const run = createInviteRun(inviteesFromRows(rows));
  const final: RunSnapshot = await run.send({ adapter: hostAdapter, concurrency: 2, rateLimit: { requests: 5, per: 'second' } });
  return resultsToCsv(final, { rows });
}

export const adapters: InviteAdapter[] = [
  createDigaAdapter({ baseUrl: '/api/diga' }),
  createAthenaAdapter({ baseUrl: '/api/athena', websiteIds: ['00000000-0000-4000-8000-000000000000'], inviteMethod: 'email' }),
];
export const wix: WixAdapter = createWixAdapter({ siteId: 'site', policyIds: ['policy'] });

export async function testedOffline(): Promise<number> {
  const clock = createVirtualClock();
  const vendor = createFakeVendor({ clock, fault: (request) => (request.number === 1 ? { kind: 'error', code: 'SERVER_ERROR' } : null) });
  const snapshot = await createInviteRun([{ email: 'ann@example.com' }], { clock }).send({ adapter: vendor });
  return snapshot.counts.sent + vendor.log.length;
}

/** The README's promise: the contract, the error and the draft from `react-bulk-invite/core` alone. */
export async function fromTheDraft(pasted: string, adapter: InviteAdapter): Promise<number> {
  const draft = createInviteDraft({ roles: adapter.roles });
  await draft.load(pasted);
  try {
    return (await createInviteRun(draft.toInvitees()).send({ adapter })).counts.sent;
  } catch (error) {
    if (error instanceof InviteError && error.code === 'AUTH_FAILED') return 0;
    throw error;
  }
}

/** A host driving the intake worker itself. */
export function onReply(reply: IntakeReply, request: IntakeRequest): number {
  if (reply.type === 'rows') return reply.rows.filter((row) => row.status === 'valid').length;
  if (reply.type === 'error') return reply.code === 'TOO_LARGE' ? -1 : typeof request.input === 'string' ? -2 : -3;
  return 0;
}

export const unused = [sleep, DIGA_BULK_PATH, deep];
