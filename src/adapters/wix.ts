/**
 * Wix Site Invites adapter: `POST https://www.wixapis.com/invites/site-invite/bulk`.
 *
 * One request carries one set of role ids (Wix: policy ids) for all its emails, so invitees are grouped
 * by the sorted policy set their role maps to. Wix answers per address only with "sent" (`invites[]`)
 * or a bare "failed" (`failedEmails[]`): it gives no reason, so already-invited and already-a-contributor
 * cannot be told apart from any other refusal and all map to `failed` / `VENDOR_REJECTED`.
 *
 * Auth: `Authorization: <API key>` (the key is the whole value, no `Bearer`) plus `wix-site-id`. The key
 * is account level and meant for server-side code only: in a browser, point `baseUrl` at your proxy and
 * let it add the key.
 */
import * as z from 'zod/mini';
import {
  InviteError,
  type AddressOutcome,
  type AdapterConnection,
  type InviteAdapter,
  type Invitee,
  type SendContext,
} from '../core/contract.ts';
import type { RateLimit } from '../core/send/rate-limit.ts';
import { callVendor, resolveApiKey, statusError, type VendorResponse } from './http.ts';

export const WIX_BASE_URL = 'https://www.wixapis.com';

/** The policy id of Wix's own BulkInvite example. Which role it stands for is unpublished. */
export const WIX_EXAMPLE_POLICY_ID = '6600344420111308827';

export const WIX_DEFAULT_ROLE = 'contributor';

/**
 * Default role table: one role, carrying the policy id of Wix's doc example. Wix role ids belong to the
 * account (list them with Get Roles Info, `GET /roles-management/roles`): pass your own `rolePolicies`.
 */
export const WIX_ROLE_POLICIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [WIX_DEFAULT_ROLE]: Object.freeze([WIX_EXAMPLE_POLICY_ID]),
});

export const WIX_ROLES: readonly string[] = Object.keys(WIX_ROLE_POLICIES);

/** Wix publishes no batch limit; its sibling Account Invites caps at 50 per call, so do we. */
export const WIX_MAX_BATCH_SIZE = 50;

/**
 * Wix's documented limit, "200 requests per minute, per instance" (Wix REST API, Rate Limits:
 * https://dev.wix.com/docs/rest/articles/get-started/rate-limits). The adapter declares it, so the engine
 * keeps to it when the caller sets no `rateLimit`.
 */
export const WIX_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ requests: 200, per: 'minute' });

export interface WixAdapterOptions extends AdapterConnection {
  /** The site the invites are for; sent as the `wix-site-id` header. */
  siteId: string;
  /**
   * Role names the invite dialog offers → the Wix policy (role) ids an invitee with that role gets.
   * Default: `WIX_ROLE_POLICIES`. Each role needs at least one policy id.
   */
  rolePolicies?: Readonly<Record<string, readonly string[]>>;
  /**
   * Shorthand for one role: everyone is invited with these policy ids (the role is named `defaultRole`).
   * Use either this or `rolePolicies`.
   */
  policyIds?: readonly string[];
  /** Role for rows that name none. Default: `'contributor'` if the table has it, else its first role. */
  defaultRole?: string;
  /** Language of the invite emails for people with no Wix account yet. Default (Wix's): the site owner's. */
  defaultEmailLanguage?: string;
  /** "Details explaining the purpose of the invite." */
  invitePurpose?: string;
  /** Business locations the invite is restricted to (`locationRestriction.locationIds`). */
  locationIds?: readonly string[];
  /** Default 50. */
  maxBatchSize?: number;
}

const siteInviteSchema = z.object({
  id: z.optional(z.string()),
  email: z.string(),
  status: z.optional(z.string()),
  policyIds: z.optional(z.array(z.string())),
  expirationDate: z.optional(z.nullable(z.string())),
});
export type WixSiteInvite = z.infer<typeof siteInviteSchema>;

/** Both arrays are optional in Wix's typings: absent reads as empty. */
const bulkInviteResponseSchema = z.object({
  invites: z.optional(z.array(siteInviteSchema)),
  failedEmails: z.optional(z.array(z.string())),
});

const resendInviteResponseSchema = z.object({ invite: siteInviteSchema });

/** Wix's standard error envelope ("About Errors"). */
const wixErrorSchema = z.object({
  message: z.optional(z.string()),
  details: z.optional(
    z.object({
      applicationError: z.optional(z.object({ code: z.optional(z.string()), description: z.optional(z.string()) })),
      validationError: z.optional(
        z.object({
          fieldViolations: z.optional(
            z.array(
              z.object({
                field: z.optional(z.string()),
                description: z.optional(z.string()),
                violatedRule: z.optional(z.string()),
              }),
            ),
          ),
        }),
      ),
    }),
  ),
});

/** The InviteError for a non-2xx answer, with Wix's code and words where the body has them. */
function wixStatusError(response: VendorResponse, action: string): InviteError {
  const parsed = wixErrorSchema.safeParse(response.body);
  const error = parsed.success ? parsed.data : {};
  const application = error.details?.applicationError;
  const violations = error.details?.validationError?.fieldViolations ?? [];
  const detail =
    application?.description ||
    violations.map((v) => [v.field, v.description].filter(Boolean).join(' ')).join(', ') ||
    error.message ||
    (typeof response.body === 'string' ? response.body.slice(0, 200) : '');
  const vendorCode = application?.code ?? violations[0]?.violatedRule;
  const message = `Wix did not ${action} (HTTP ${response.status})${detail ? `: ${detail}` : '.'}`;
  return statusError(response, message, { vendorCode, vendorMessage: detail });
}

function invalidResponse(response: VendorResponse, what: string, cause: unknown): InviteError {
  return new InviteError('INVALID_RESPONSE', `Wix answered ${response.status} with a body that is not ${what}.`, {
    status: response.status,
    cause,
  });
}

function roleTable(options: WixAdapterOptions): { table: Map<string, readonly string[]>; defaultRole: string } {
  if (options.policyIds && options.rolePolicies) {
    throw new TypeError('createWixAdapter: pass either policyIds or rolePolicies, not both.');
  }
  const given: Readonly<Record<string, readonly string[]>> = options.policyIds
    ? { [options.defaultRole ?? WIX_DEFAULT_ROLE]: options.policyIds }
    : (options.rolePolicies ?? WIX_ROLE_POLICIES);
  const table = new Map<string, readonly string[]>();
  for (const [role, policyIds] of Object.entries(given)) {
    const set = [...new Set(policyIds)].sort();
    if (set.length === 0) throw new TypeError(`createWixAdapter: role '${role}' has no policy ids (Wix requires at least one).`);
    table.set(role, set);
  }
  const roles = [...table.keys()];
  if (roles.length === 0) throw new TypeError('createWixAdapter: the role table is empty.');
  const defaultRole = options.defaultRole ?? (table.has(WIX_DEFAULT_ROLE) ? WIX_DEFAULT_ROLE : roles[0]!);
  if (!table.has(defaultRole)) throw new TypeError(`createWixAdapter: defaultRole '${defaultRole}' is not in the role table.`);
  return { table, defaultRole };
}

export interface WixAdapter extends InviteAdapter {
  readonly vendor: 'wix';
  readonly defaultRole: string;
  /** The sorted policy ids an invitee's role maps to, or undefined for a role the table lacks. */
  policyIdsFor(invitee: Invitee): readonly string[] | undefined;
  /** `POST /invites/site-invite/{inviteId}/resend`: sends the email again. */
  resendInvite(inviteId: string, context?: Pick<SendContext, 'signal'>): Promise<WixSiteInvite>;
  /** `POST /invites/site-invite/{inviteId}/revoke`: withdraws a pending invite. */
  revokeInvite(inviteId: string, context?: Pick<SendContext, 'signal'>): Promise<void>;
}

export function createWixAdapter(options: WixAdapterOptions): WixAdapter {
  if (!options.siteId) throw new TypeError('createWixAdapter: siteId is required (it is sent as wix-site-id).');
  const { table, defaultRole } = roleTable(options);
  const byLowerName = new Map([...table].map(([role, ids]) => [role.toLowerCase(), ids] as const));
  const connection = {
    baseUrl: options.baseUrl ?? WIX_BASE_URL,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };

  /** The request's headers, and the key among them (checked and scrubbed by `callVendor`). */
  async function credentials(): Promise<{ headers: Record<string, string>; credential?: string }> {
    const key = await resolveApiKey(options.apiKey);
    return { headers: { 'wix-site-id': options.siteId, ...(key ? { authorization: key } : {}) }, ...(key ? { credential: key } : {}) };
  }

  const policyIdsFor = (invitee: Invitee) => byLowerName.get((invitee.role ?? defaultRole).toLowerCase());
  const groupKey = (policyIds: readonly string[]) => `policyIds:${JSON.stringify(policyIds)}`;

  return {
    vendor: 'wix',
    // failedEmails carries no reason: an address already invited looks like any refusal.
    refusalsMayBeRepeats: true,
    roles: [...table.keys()],
    defaultRole,
    maxBatchSize: options.maxBatchSize ?? WIX_MAX_BATCH_SIZE,
    rateLimit: WIX_RATE_LIMIT,
    policyIdsFor,

    groupBy(invitee) {
      const policyIds = policyIdsFor(invitee);
      // An unknown role never reaches Wix; keep it apart so send() can fail it on its own.
      return policyIds ? groupKey(policyIds) : `unknown-role:${invitee.role ?? ''}`;
    },

    async send(batch, context) {
      const outcomes = new Map<number, AddressOutcome>();
      const sendable: { index: number; invitee: Invitee }[] = [];
      const sets = new Map<string, readonly string[]>();
      batch.forEach((invitee, index) => {
        const policyIds = policyIdsFor(invitee);
        if (!policyIds) {
          // Never sent: the engine words it from the role and the adapter's roles.
          outcomes.set(index, { email: invitee.email, status: 'failed', code: 'ROLE_NOT_ALLOWED' });
          return;
        }
        sets.set(groupKey(policyIds), policyIds);
        sendable.push({ index, invitee });
      });
      if (sets.size > 1) {
        // Nothing has been sent: refuse before a mixed request could half land.
        const detail = `A Wix request carries one policy set; this batch mixes ${sets.size}. Group invitees with adapter.groupBy.`;
        throw new InviteError('BAD_REQUEST', detail, { detail });
      }
      const [policyIds] = [...sets.values()];
      if (policyIds && sendable.length > 0) {
        const body = {
          policyIds: [...policyIds],
          emails: sendable.map(({ invitee }) => invitee.email),
          ...(options.invitePurpose ? { invitePurpose: options.invitePurpose } : {}),
          ...(options.defaultEmailLanguage ? { defaultEmailLanguage: options.defaultEmailLanguage } : {}),
          ...(options.locationIds ? { locationRestriction: { locationIds: [...options.locationIds] } } : {}),
        };
        const response = await callVendor(connection, {
          method: 'POST',
          path: '/invites/site-invite/bulk',
          ...(await credentials()),
          body,
          // Wix documents no idempotency key, so `context.idempotencyKey` is not sent.
          ...(context?.signal ? { signal: context.signal } : {}),
        });
        if (response.status < 200 || response.status >= 300) throw wixStatusError(response, 'send the invites');
        const parsed = bulkInviteResponseSchema.safeParse(response.body);
        if (!parsed.success) throw invalidResponse(response, 'a BulkSiteInviteResponse', parsed.error);

        const sent = new Map<string, WixSiteInvite>();
        for (const invite of parsed.data.invites ?? []) sent.set(invite.email.trim().toLowerCase(), invite);
        const failed = new Set((parsed.data.failedEmails ?? []).map((email) => email.trim().toLowerCase()));
        for (const { index, invitee } of sendable) {
          const key = invitee.email.trim().toLowerCase();
          const invite = sent.get(key);
          if (invite) {
            outcomes.set(index, { email: invitee.email, status: 'sent', ...(invite.id ? { vendorId: invite.id } : {}) });
          } else {
            // failedEmails gives no reason (malformed, already a contributor or invited, over the site's
            // contributor limit: Wix does not say); an address in neither list was not mentioned at all.
            outcomes.set(index, { email: invitee.email, status: 'failed', code: 'VENDOR_REJECTED', ...(failed.has(key) ? {} : { notInAnswer: true }) });
          }
        }
      }
      return batch.map((_, index) => outcomes.get(index)!);
    },

    async resendInvite(inviteId, context = {}) {
      const response = await callVendor(connection, {
        method: 'POST',
        path: `/invites/site-invite/${encodeURIComponent(inviteId)}/resend`,
        ...(await credentials()),
        body: options.defaultEmailLanguage ? { defaultEmailLanguage: options.defaultEmailLanguage } : {},
        ...(context.signal ? { signal: context.signal } : {}),
      });
      if (response.status < 200 || response.status >= 300) throw wixStatusError(response, 'resend the invite');
      const parsed = resendInviteResponseSchema.safeParse(response.body);
      if (!parsed.success) throw invalidResponse(response, 'a SiteInviteResponse', parsed.error);
      return parsed.data.invite;
    },

    async revokeInvite(inviteId, context = {}) {
      const response = await callVendor(connection, {
        method: 'POST',
        path: `/invites/site-invite/${encodeURIComponent(inviteId)}/revoke`,
        ...(await credentials()),
        ...(context.signal ? { signal: context.signal } : {}),
      });
      if (response.status < 200 || response.status >= 300) throw wixStatusError(response, 'revoke the invite');
    },
  };
}
