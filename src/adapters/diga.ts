/**
 * Diga adapter: `POST {baseUrl}/v1/project/invitation/send/bulk` with `Authorization: Bearer <key>`.
 * The key selects the project, every item carries its own role, so any mix of roles shares a request.
 * Diga answers 201 with `successful[]` (new invitations) and `failed[]` (per-address errors, including
 * "already invited" and "already a member", which are skips rather than failures).
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
import { callVendor, resolveApiKey, statusError, type VendorResponse } from './http.ts';

export const DIGA_BASE_URL = 'https://api.diga.io';
/** `AppRole` in Diga's OpenAPI document (its sibling pages list only admin and member; the bulk one all three). */
export const DIGA_ROLES = ['admin', 'member', 'reader'] as const;
export type DigaRole = (typeof DIGA_ROLES)[number];
export const DIGA_DEFAULT_ROLE: DigaRole = 'member';
/** Diga publishes no batch limit; 50 is the project-wide cap where none is published. */
export const DIGA_MAX_BATCH_SIZE = 50;
export const DIGA_BULK_PATH = '/v1/project/invitation/send/bulk';

export interface DigaAdapterOptions extends AdapterConnection {
  /** Most invitees per request; default `DIGA_MAX_BATCH_SIZE`. */
  maxBatchSize?: number;
}

const BulkRequest = z.object({
  invitations: z.array(z.object({ email: z.string(), role: z.enum(DIGA_ROLES) })),
});
type BulkRequest = z.infer<typeof BulkRequest>;

// Roles and ids are read as plain strings: a role Diga adds later must not turn a 201 into INVALID_RESPONSE.
const Invitation = z.object({
  id: z.string(),
  invited_email: z.string(),
  inviter_name: z.optional(z.nullable(z.string())),
  project_id: z.string(),
  project_name: z.string(),
  created_at: z.string(),
  registered: z.boolean(),
  invited_profile_id: z.optional(z.nullable(z.string())),
  expires_at: z.string(),
  role: z.string(),
});
const InvitationResult = z.object({
  email: z.string(),
  success: z.boolean(),
  error: z.optional(z.nullable(z.string())),
  invitation: z.optional(z.nullable(Invitation)),
});
const BulkResponse = z.object({ successful: z.array(Invitation), failed: z.array(InvitationResult) });
type InvitationResult = z.infer<typeof InvitationResult>;

const ErrorEnvelope = z.object({ status: z.optional(z.string()), error_code: z.string(), message: z.string() });
const ValidationFailure = z.object({
  detail: z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string(), type: z.string() })),
});

/** Diga's per-address texts that are not failures, or that have a stable code. */
function classify(error: string | null | undefined): { status: 'skipped' | 'failed'; code: OutcomeCode } {
  const text = (error ?? '').trim().toLowerCase();
  if (text === 'invitation already sent') return { status: 'skipped', code: 'ALREADY_INVITED' };
  if (text === 'user is already a member of this project') return { status: 'skipped', code: 'ALREADY_MEMBER' };
  if (/^the email .* is not valid$/s.test(text)) return { status: 'failed', code: 'INVALID_EMAIL' };
  return { status: 'failed', code: 'VENDOR_REJECTED' };
}

function resultOutcome(email: string, result: InvitationResult): AddressOutcome {
  const { status, code } = classify(result.error);
  const vendorId = result.invitation?.id;
  // No `error`: Diga gave no reason, and the engine's sentence says so.
  return {
    email,
    status,
    code,
    ...(result.error ? { vendorMessage: result.error } : {}),
    ...(vendorId === undefined ? {} : { vendorId }),
  };
}

/** A non-2xx answer as an `InviteError`, keeping Diga's code and words (its message, its validation details, its text). */
function responseError(response: VendorResponse): InviteError {
  const envelope = ErrorEnvelope.safeParse(response.body);
  if (envelope.success) {
    return statusError(response, envelope.data.message, { vendorCode: envelope.data.error_code, vendorMessage: envelope.data.message });
  }
  const validation = ValidationFailure.safeParse(response.body);
  if (validation.success) {
    const details = validation.data.detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ');
    return statusError(response, `Diga rejected the request (${response.status}): ${details}`, { vendorMessage: details });
  }
  const text = typeof response.body === 'string' ? response.body.slice(0, 200) : '';
  return statusError(response, `Diga answered HTTP ${response.status}${text ? `: ${text}` : ''}`, { vendorMessage: text });
}

const key = (email: string) => email.trim().toLowerCase();

export function createDigaAdapter(options: DigaAdapterOptions = {}): InviteAdapter {
  const baseUrl = options.baseUrl ?? DIGA_BASE_URL;

  return {
    vendor: 'diga',
    roles: DIGA_ROLES,
    defaultRole: DIGA_DEFAULT_ROLE,
    maxBatchSize: options.maxBatchSize ?? DIGA_MAX_BATCH_SIZE,

    async send(batch: readonly Invitee[], context?: SendContext): Promise<AddressOutcome[]> {
      // Roles are checked here too, so an unknown one fails its own address instead of a 422 for all.
      const roles = batch.map((invitee) =>
        invitee.role === undefined || invitee.role === ''
          ? DIGA_DEFAULT_ROLE
          : DIGA_ROLES.find((role) => role === invitee.role!.trim().toLowerCase()),
      );
      const body: BulkRequest = BulkRequest.parse({
        invitations: batch.flatMap((invitee, i) => (roles[i] ? [{ email: invitee.email, role: roles[i] }] : [])),
      });

      let results = new Map<string, AddressOutcome[]>();
      if (body.invitations.length > 0) {
        const apiKey = await resolveApiKey(options.apiKey);
        const response = await callVendor(
          { baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) },
          {
            method: 'POST',
            path: DIGA_BULK_PATH,
            ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` }, credential: apiKey } : {}),
            body,
            // Diga documents no idempotency key, so `context.idempotencyKey` is not sent.
            ...(context?.signal ? { signal: context.signal } : {}),
          },
        );
        if (response.status < 200 || response.status > 299) throw responseError(response);
        const parsed = BulkResponse.safeParse(response.body);
        if (!parsed.success) {
          throw new InviteError('INVALID_RESPONSE', `Diga's ${response.status} answer does not match its published schema.`, {
            status: response.status,
            cause: parsed.error,
          });
        }
        results = groupResults(parsed.data);
      }

      return batch.map((invitee, i): AddressOutcome => {
        // Never sent: the engine words it from the role and the adapter's roles.
        if (!roles[i]) return { email: invitee.email, status: 'failed', code: 'ROLE_NOT_ALLOWED' };
        const outcome = results.get(key(invitee.email))?.shift();
        // assumption: an address Diga left out of both lists was not invited; say so rather than guess.
        return outcome
          ? { ...outcome, email: invitee.email }
          : { email: invitee.email, status: 'failed', code: 'VENDOR_REJECTED', notInAnswer: true };
      });
    },
  };
}

/**
 * Results per address, in the order a repeated address meets them: Diga's two lists lose the request
 * order, and within one request the first occurrence is the one that can succeed.
 */
function groupResults(response: z.infer<typeof BulkResponse>): Map<string, AddressOutcome[]> {
  const byEmail = new Map<string, AddressOutcome[]>();
  const add = (email: string, outcome: AddressOutcome) => {
    const list = byEmail.get(key(email)) ?? [];
    list.push(outcome);
    byEmail.set(key(email), list);
  };
  for (const invitation of response.successful) {
    add(invitation.invited_email, { email: invitation.invited_email, status: 'sent', vendorId: invitation.id });
  }
  for (const result of response.failed) add(result.email, resultOutcome(result.email, result));
  return byEmail;
}
