/**
 * AthenaHQ adapter: `POST /api/v1/invites/bulk` invites ONE person to 1–50 websites or 1–50 groups per
 * request, so every batch is a single invitee and the targets are fixed when the adapter is built.
 * Each target succeeds or fails on its own; this module folds the per-target results into one outcome.
 */
import * as z from 'zod/mini';
import {
  InviteError,
  type AdapterConnection,
  type AddressOutcome,
  type InviteAdapter,
  type Invitee,
  type OutcomeCode,
  type SendContext,
} from '../core/contract.ts';
import type { RateLimit } from '../core/send/rate-limit.ts';
import { callVendor, resolveApiKey, statusError, type VendorResponse } from './http.ts';

export const ATHENA_BASE_URL = 'https://api.athenahq.ai';
export const ATHENA_BULK_INVITE_PATH = '/api/v1/invites/bulk';
export const ATHENA_ROLES = ['admin', 'viewer'] as const;
export type AthenaRole = (typeof ATHENA_ROLES)[number];
export const ATHENA_DEFAULT_ROLE: AthenaRole = 'viewer';
export const ATHENA_INVITE_METHODS = ['direct', 'email'] as const;
export type AthenaInviteMethod = (typeof ATHENA_INVITE_METHODS)[number];
/** Websites or groups one request may name. */
export const ATHENA_MAX_TARGETS = 50;
/**
 * AthenaHQ's documented limit: 60 requests a minute per organization, each request one invitee
 * (AthenaHQ API reference, Rate Limits: https://docs.athenahq.ai/api-reference/rate-limits). The adapter
 * declares it, so the engine keeps to it when the caller sets no `rateLimit`.
 */
export const ATHENA_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ requests: 60, per: 'minute' });

export interface AthenaAdapterOptions extends AdapterConnection {
  /** Websites to invite each person to (1–50). Exactly one of `websiteIds` / `groupIds`. */
  websiteIds?: readonly string[];
  /** Groups to invite each person to (1–50); needs a global API key. Exactly one of `websiteIds` / `groupIds`. */
  groupIds?: readonly string[];
  /** `direct` adds people at once (creating accounts, no email); `email` sends one invitation email each. */
  inviteMethod: AthenaInviteMethod;
}

const targetIdsSchema = z.array(z.guid()).check(z.minLength(1), z.maxLength(ATHENA_MAX_TARGETS));

const bulkRequestSchema = z.object({
  invite_method: z.enum(ATHENA_INVITE_METHODS),
  email: z.string(),
  role: z.enum(ATHENA_ROLES),
  website_ids: z.optional(targetIdsSchema),
  group_ids: z.optional(targetIdsSchema),
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
});
type BulkRequest = z.infer<typeof bulkRequestSchema>;

const targetResultSchema = z.object({
  website_id: z.optional(z.string()),
  group_id: z.optional(z.string()),
  success: z.boolean(),
  message: z.optional(z.string()),
  error: z.optional(z.string()),
  user_id: z.optional(z.string()),
  invite_id: z.optional(z.string()),
});
type TargetResult = z.infer<typeof targetResultSchema>;

// `success` is "always true if request was valid"; anything else is not the documented answer.
const bulkResponseSchema = z.object({ success: z.literal(true), results: z.array(targetResultSchema) });
const errorResponseSchema = z.object({ error: z.string() });

type Target = { kind: 'website' | 'group'; ids: readonly string[] };

/** Checks the target options once, so a misconfiguration fails at start-up, not on the first send. */
function readTargets(options: AthenaAdapterOptions): Target {
  const { websiteIds, groupIds } = options;
  if (websiteIds !== undefined && groupIds !== undefined) {
    throw new TypeError(
      'createAthenaAdapter: pass exactly one of websiteIds or groupIds, not both (AthenaHQ refuses a request carrying both).',
    );
  }
  if (websiteIds === undefined && groupIds === undefined) {
    throw new TypeError('createAthenaAdapter: pass exactly one of websiteIds or groupIds.');
  }
  const kind = websiteIds !== undefined ? 'website' : 'group';
  const field = kind === 'website' ? 'websiteIds' : 'groupIds';
  const ids = (websiteIds ?? groupIds) as readonly string[];
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > ATHENA_MAX_TARGETS) {
    const got = Array.isArray(ids) ? `${ids.length} ids` : typeof ids;
    throw new TypeError(`createAthenaAdapter: ${field} must hold 1–${ATHENA_MAX_TARGETS} ids (got ${got}).`);
  }
  ids.forEach((id, index) => {
    if (!z.safeParse(z.guid(), id).success) {
      throw new TypeError(`createAthenaAdapter: ${field}[${index}] is not a UUID: ${JSON.stringify(id)}.`);
    }
    // A repeated id would meet its own first result ("already a member") and fail the invitee.
    if (ids.indexOf(id) !== index) throw new TypeError(`createAthenaAdapter: ${field} lists ${id} twice.`);
  });
  if (!(ATHENA_INVITE_METHODS as readonly string[]).includes(options.inviteMethod)) {
    throw new TypeError(
      `createAthenaAdapter: inviteMethod must be 'direct' or 'email' (got ${JSON.stringify(options.inviteMethod)}).`,
    );
  }
  return { kind, ids: [...ids] };
}

/** The role as AthenaHQ spells it, or undefined when it has no such role. */
function athenaRole(role: string | undefined): AthenaRole | undefined {
  if (role === undefined || role.trim() === '') return ATHENA_DEFAULT_ROLE;
  const wanted = role.trim().toLowerCase();
  return ATHENA_ROLES.find((r) => r === wanted);
}

function names(invitee: Invitee): Pick<BulkRequest, 'first_name' | 'last_name'> {
  // assumption: a single `name` splits at its first space into first and last name.
  const [first, ...rest] = invitee.name?.trim().split(/\s+/) ?? [];
  const firstName = invitee.firstName ?? first;
  const lastName = invitee.lastName ?? (rest.length > 0 ? rest.join(' ') : undefined);
  return { ...(firstName ? { first_name: firstName } : {}), ...(lastName ? { last_name: lastName } : {}) };
}

type Verdict = 'sent' | 'member' | 'invited' | 'not-found' | 'other';

/**
 * Per-target errors come only as text. "already a member" is the doc's sentence; assumption: the pending
 * and not-found sentences (vendors.md §4) keep these key words.
 */
function verdict(result: TargetResult): Verdict {
  if (result.success) return 'sent';
  const text = (result.error ?? '').toLowerCase();
  if (text.includes('already a member')) return 'member';
  if (text.includes('pending invite')) return 'invited';
  if (text.includes('not found')) return 'not-found';
  return 'other';
}

/** What AthenaHQ said of one target, verbatim; undefined when it said nothing. */
const said = (result: TargetResult) => result.message ?? result.error;

/** Every target's result: AthenaHQ's words, or its `success` flag where it gave none. */
function listing(kind: Target['kind'], results: readonly TargetResult[], ids: readonly string[]): string {
  return results.map((result, i) => `${kind} ${ids[i]}: ${said(result) ?? (result.success ? 'ok' : 'failed')}`).join('; ');
}

/** One outcome from every target's result: all sent → sent; all already there → skipped; else failed. */
function outcomeFor(email: string, target: Target, results: readonly TargetResult[]): AddressOutcome {
  const verdicts = results.map(verdict);
  const texts = new Set(results.map(said));
  // The vendor's own sentence when every target says the same thing (or none says anything), else each target's result.
  const only = texts.size === 1 ? [...texts][0] : undefined;
  const listed = texts.size === 1 ? undefined : listing(target.kind, results, target.ids);
  const vendorMessage = only ?? listed;
  const words = vendorMessage === undefined ? {} : { vendorMessage };

  if (verdicts.every((v) => v === 'sent')) {
    const userIds = new Set(results.map((r) => r.user_id).filter((id) => id !== undefined));
    const inviteIds = results.map((r) => r.invite_id).filter((id) => id !== undefined);
    // `direct` returns the same user on every target; `email` one invite per target. assumption: several
    // invite ids go into vendorId comma-joined, in target order (the contract has room for one string).
    const vendorId = userIds.size === 1 ? [...userIds][0] : inviteIds.length > 0 ? inviteIds.join(',') : undefined;
    return { email, status: 'sent', ...words, ...(vendorId ? { vendorId } : {}) };
  }
  if (verdicts.every((v) => v === 'member' || v === 'invited')) {
    // assumption: a mix of member and pending targets is "already invited" (not a member everywhere yet).
    const code: OutcomeCode = verdicts.every((v) => v === 'member') ? 'ALREADY_MEMBER' : 'ALREADY_INVITED';
    return { email, status: 'skipped', code, ...words };
  }
  // Mixed or other errors. assumption: a mix of added and already-there targets has no code of its own;
  // VENDOR_REJECTED, with every target's result in vendorMessage (a retry then reads as skipped).
  const code: OutcomeCode = verdicts.includes('not-found') ? 'TARGET_NOT_FOUND' : 'VENDOR_REJECTED';
  return { email, status: 'failed', code, vendorMessage: listing(target.kind, results, target.ids) };
}

function invalidResponse(response: VendorResponse, detail: string): InviteError {
  return new InviteError('INVALID_RESPONSE', `AthenaHQ answered ${response.status} with an unexpected body: ${detail}.`, {
    status: response.status,
    detail,
  });
}

/** Results in the order of the configured targets, matched by id; every target must have exactly one. */
function resultsByTarget(response: VendorResponse, target: Target): TargetResult[] {
  const parsed = z.safeParse(bulkResponseSchema, response.body);
  if (!parsed.success) throw invalidResponse(response, z.prettifyError(parsed.error).replace(/\n/g, ' '));
  const idOf = (r: TargetResult) => (target.kind === 'website' ? r.website_id : r.group_id);
  if (parsed.data.results.length !== target.ids.length) {
    throw invalidResponse(response, `${parsed.data.results.length} results for ${target.ids.length} ${target.kind}s`);
  }
  return target.ids.map((id) => {
    const found = parsed.data.results.find((r) => idOf(r) === id);
    if (!found) throw invalidResponse(response, `no result for ${target.kind} ${id}`);
    return found;
  });
}

export function createAthenaAdapter(options: AthenaAdapterOptions): InviteAdapter {
  const target = readTargets(options);
  const { inviteMethod } = options;
  const connection = { baseUrl: options.baseUrl ?? ATHENA_BASE_URL, ...(options.fetch ? { fetch: options.fetch } : {}) };

  async function send(batch: readonly Invitee[], context?: SendContext): Promise<AddressOutcome[]> {
    if (batch.length === 0) return [];
    if (batch.length > 1) {
      throw new RangeError(`AthenaHQ invites one person per request (maxBatchSize 1); got a batch of ${batch.length}.`);
    }
    const invitee = batch[0]!;
    const role = athenaRole(invitee.role);
    // Known before sending: no request, the address alone fails (the engine words it from the role and the roles).
    if (!role) return [{ email: invitee.email, status: 'failed', code: 'ROLE_NOT_ALLOWED' }];

    const body: BulkRequest = {
      invite_method: inviteMethod,
      email: invitee.email,
      role,
      ...(target.kind === 'website' ? { website_ids: [...target.ids] } : { group_ids: [...target.ids] }),
      ...names(invitee),
    };
    const apiKey = await resolveApiKey(options.apiKey);
    const response = await callVendor(connection, {
      method: 'POST',
      path: ATHENA_BULK_INVITE_PATH,
      ...(apiKey ? { headers: { 'x-api-key': apiKey }, credential: apiKey } : {}),
      body: z.parse(bulkRequestSchema, body),
      // AthenaHQ documents no idempotency key, so `context.idempotencyKey` is not sent.
      ...(context?.signal ? { signal: context.signal } : {}),
    });

    if (response.status < 200 || response.status > 299) {
      const error = z.safeParse(errorResponseSchema, response.body);
      const text = error.success ? error.data.error : undefined;
      throw statusError(response, `AthenaHQ refused the request (${response.status})${text ? `: ${text}` : '.'}`, { vendorCode: text, vendorMessage: text });
    }
    return [outcomeFor(invitee.email, target, resultsByTarget(response, target))];
  }

  return {
    vendor: 'athenahq',
    roles: ATHENA_ROLES,
    defaultRole: ATHENA_DEFAULT_ROLE,
    maxBatchSize: 1,
    rateLimit: ATHENA_RATE_LIMIT,
    // One request carries one role and one invite method (the method is fixed per adapter, but a key
    // that names it keeps plans from different adapters apart).
    groupBy: (invitee) => `${athenaRole(invitee.role) ?? invitee.role ?? ''}|${inviteMethod}`,
    send,
  };
}
