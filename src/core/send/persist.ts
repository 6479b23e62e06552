/**
 * A run as plain JSON, so a host can keep it (localStorage, a database) and resume after a reload.
 * What was in flight when the page went away may have landed: it comes back `pending` and marked
 * `maybeDelivered`, so the resumed send reads "already invited" as delivered.
 */
import * as z from 'zod/mini';
import type { Invitee } from '../contract.ts';
import { applyChanges, type AddressRecord, type RecordChanges, type RequestCounts, type RunSnapshot, type RunStatus, type RunStoreState, type StopReason } from './run-store.ts';

export const RUN_FORMAT = 'react-bulk-invite/run@1';

export interface SerializedRecord {
  status: AddressRecord['status'];
  code?: string;
  message?: string;
  vendorId?: string;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  retryable?: boolean;
  maybeDelivered?: boolean;
}

export interface SerializedRun {
  format: typeof RUN_FORMAT;
  status: RunStatus;
  stopReason?: StopReason;
  requests: RequestCounts;
  invitees: Invitee[];
  /** One per invitee, same order. */
  records: SerializedRecord[];
}

const INVITEE_FIELDS = ['email', 'name', 'firstName', 'lastName', 'role', 'line'] as const;

/** Only the Invitee fields: a CheckedRow passed as an invitee would otherwise drag its raw text along. */
function plainInvitee(invitee: Invitee): Invitee {
  const out: Record<string, unknown> = {};
  for (const key of INVITEE_FIELDS) if (invitee[key] !== undefined) out[key] = invitee[key];
  return out as unknown as Invitee;
}

const RECORD_FIELDS = ['status', 'code', 'message', 'vendorId', 'attempts', 'startedAt', 'finishedAt', 'retryable', 'maybeDelivered'] as const;

/** The record minus what the invitee already says (index, email, line), without empty fields. */
function savedRecord(record: AddressRecord): SerializedRecord {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_FIELDS) if (record[key] !== undefined) out[key] = record[key];
  return out as unknown as SerializedRecord;
}

export function serializeRun(snapshot: RunSnapshot): SerializedRun {
  return {
    format: RUN_FORMAT,
    status: snapshot.status,
    ...(snapshot.stopReason ? { stopReason: { ...snapshot.stopReason } } : {}),
    requests: { ...snapshot.requests },
    invitees: snapshot.invitees.map(plainInvitee),
    records: snapshot.outcomes.map(savedRecord),
  };
}

const optionalString = z.optional(z.string());
const optionalNumber = z.optional(z.number());
const serializedRunSchema = z.object({
  format: z.literal(RUN_FORMAT),
  status: z.enum(['idle', 'sending', 'paused', 'cancelled', 'stopped', 'done']),
  stopReason: z.optional(z.object({ code: z.string(), message: z.string() })),
  requests: z.object({ made: z.number(), batches: z.number(), rateLimited: z.number(), failed: z.number() }),
  invitees: z.array(
    z.object({
      email: z.string(),
      name: optionalString,
      firstName: optionalString,
      lastName: optionalString,
      role: optionalString,
      line: optionalNumber,
    }),
  ),
  records: z.array(
    z.object({
      status: z.enum(['queued', 'in-flight', 'sent', 'skipped', 'failed', 'pending']),
      code: optionalString,
      message: optionalString,
      vendorId: optionalString,
      attempts: z.number(),
      startedAt: optionalNumber,
      finishedAt: optionalNumber,
      retryable: z.optional(z.boolean()),
      maybeDelivered: z.optional(z.boolean()),
    }),
  ),
});

/** Checks a saved run and rebuilds its state. Throws a TypeError naming the first problem. */
export function readSerializedRun(value: unknown): { invitees: Invitee[]; state: RunStoreState } {
  const parsed = z.safeParse(serializedRunSchema, value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'the value';
    throw new TypeError(`Not a saved invite run: ${where}: ${issue?.message ?? 'unreadable'}.`);
  }
  const saved = parsed.data;
  if (saved.records.length !== saved.invitees.length) {
    throw new TypeError(`Not a saved invite run: ${saved.records.length} records for ${saved.invitees.length} invitees.`);
  }
  const invitees = saved.invitees.map((invitee) => plainInvitee(invitee as Invitee));
  const records = saved.records.map((saved, index): AddressRecord => {
    const invitee = invitees[index]!;
    const fields = saved as RecordChanges;
    const record = applyChanges({ index, email: invitee.email, line: invitee.line, status: saved.status, attempts: saved.attempts }, fields);
    // The page went away mid-request: nobody knows whether it landed.
    return record.status === 'in-flight' ? applyChanges(record, { status: 'pending', maybeDelivered: true }) : record;
  });
  // A run that was sending when saved is simply not sending now.
  const status: RunStatus = saved.status === 'sending' || saved.status === 'paused' ? 'idle' : saved.status;
  return {
    invitees,
    state: {
      status,
      ...(saved.stopReason ? { stopReason: saved.stopReason as StopReason } : {}),
      records,
      requests: saved.requests,
    },
  };
}
