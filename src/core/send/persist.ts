/**
 * A run as plain JSON, so a host can keep it (localStorage, a database) and resume after a reload.
 * What was in flight when the page went away may have landed: it comes back `pending` and marked
 * `maybeDelivered`, so the resumed send reads "already invited" as delivered.
 *
 * Format 2 keeps each record's `code`, `params` and `vendorMessage`; its English `message` is not
 * stored but worded again on restore (so a saved run reads in the current wording). Format 1 (records
 * with `code` and `message` only, the vendor's words inside `message`) is still read: its records keep
 * their `message` and have no `params`.
 */
import * as z from 'zod/mini';
import type { Invitee } from '../contract.ts';
import { formatOutcome, formatStopReason } from '../messages/run.ts';
import { applyChanges, type AddressRecord, type RecordChanges, type RequestCounts, type RunSnapshot, type RunStatus, type RunStoreState, type StopReason } from './run-store.ts';

export const RUN_FORMAT = 'react-bulk-invite/run@2';
/** The format before records carried `params` and `vendorMessage`; still restored. */
export const RUN_FORMAT_1 = 'react-bulk-invite/run@1';

export interface SerializedRecord {
  status: AddressRecord['status'];
  code?: string;
  params?: Record<string, unknown>;
  /** Only where there are no `params` to word it from (a record restored from format 1). */
  message?: string;
  vendorMessage?: string;
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

const RECORD_FIELDS = ['status', 'code', 'params', 'message', 'vendorMessage', 'vendorId', 'attempts', 'startedAt', 'finishedAt', 'retryable', 'maybeDelivered'] as const;

/** The record minus what the invitee already says (index, email, line) and what `params` words, without empty fields. */
function savedRecord(record: AddressRecord): SerializedRecord {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_FIELDS) if (record[key] !== undefined) out[key] = record[key];
  if (record.params !== undefined) delete out.message;
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
const params = z.optional(z.record(z.string(), z.unknown()));
const serializedRunSchema = z.object({
  format: z.union([z.literal(RUN_FORMAT), z.literal(RUN_FORMAT_1)]),
  status: z.enum(['idle', 'sending', 'paused', 'cancelled', 'stopped', 'done']),
  stopReason: z.optional(z.object({ code: z.string(), params, message: z.string() })),
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
      params,
      message: optionalString,
      vendorMessage: optionalString,
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
  const version1 = saved.format === RUN_FORMAT_1;
  const records = saved.records.map((saved, index): AddressRecord => {
    const invitee = invitees[index]!;
    const fields = (version1 ? { ...saved, params: undefined, vendorMessage: undefined } : saved) as RecordChanges;
    let record = applyChanges({ index, email: invitee.email, line: invitee.line, status: saved.status, attempts: saved.attempts }, fields);
    if (record.code !== undefined && record.params !== undefined) record = applyChanges(record, { message: formatOutcome(record) });
    // The page went away mid-request: nobody knows whether it landed.
    return record.status === 'in-flight' ? applyChanges(record, { status: 'pending', maybeDelivered: true }) : record;
  });
  let stopReason: StopReason | undefined;
  if (saved.stopReason) {
    const { code, params, message } = saved.stopReason;
    stopReason = (version1 || params === undefined ? { code, message } : { code, params, message }) as StopReason;
    stopReason = { ...stopReason, message: formatStopReason(stopReason) };
  }
  // A run that was sending when saved is simply not sending now.
  const status: RunStatus = saved.status === 'sending' || saved.status === 'paused' ? 'idle' : saved.status;
  return {
    invitees,
    state: {
      status,
      ...(stopReason ? { stopReason } : {}),
      records,
      requests: saved.requests,
    },
  };
}
