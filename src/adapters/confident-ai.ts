/**
 * Confident AI project invitations: `POST /v1/projects/:projectId/invitations` with an organization API
 * key in the `CONFIDENT_API_KEY` header. One request carries many emails and at most one `projectRoleId`,
 * so batches are grouped by role. The API answers 200 with the invitations it created and silently leaves
 * out addresses that are already members or already invited; there is no per-address error.
 *
 * Keep the organization key on a server: point `baseUrl` at your proxy and let it add the header. The
 * header name contains underscores, which nginx drops by default (`underscores_in_headers on;` fixes it).
 */
import * as z from 'zod/mini';
import {
  InviteError,
  type AdapterConnection,
  type AddressOutcome,
  type InviteAdapter,
  type Invitee,
  type SendContext,
} from '../core/contract.ts';
import { callVendor, resolveApiKey, statusError, type VendorResponse } from './http.ts';

export const CONFIDENT_AI_BASE_URL = 'https://api.confident-ai.com';
/** EU data residency (confident-client `python/confidentai/api.py`). */
export const CONFIDENT_AI_EU_BASE_URL = 'https://eu.api.confident-ai.com';
export const CONFIDENT_AI_KEY_HEADER = 'CONFIDENT_API_KEY';
/** What invitees get when a request names no `projectRoleId` (the UI's default role). */
export const CONFIDENT_AI_DEFAULT_ROLE = 'Member';
/**
 * Roles usable without knowing any id: only the default, sent as "no projectRoleId". Other roles (system or
 * custom) need their ids: pass them as `roles`, e.g. from `loadConfidentAiRoles`.
 */
export const CONFIDENT_AI_ROLES: readonly string[] = [CONFIDENT_AI_DEFAULT_ROLE];
/** "The Owner role cannot be assigned" [Create Project Invitations]. */
export const CONFIDENT_AI_OWNER_ROLE = 'Owner';
/** assumption: no limit is published; 50 like the other vendors without one. */
export const CONFIDENT_AI_MAX_BATCH_SIZE = 50;

export interface ConfidentAiAdapterOptions extends AdapterConnection {
  /** The project to invite into, e.g. `clq9z3x1k0001la08f7t3g5p2`. */
  projectId: string;
  /** Role name → `projectRoleId`. An `Owner` entry is ignored: that role cannot be assigned. */
  roles?: Readonly<Record<string, string>>;
  /** Role for invitees without one. Default `Member`, sent as no `projectRoleId` unless `roles` maps it. */
  defaultRole?: string;
  /** Default 50. */
  maxBatchSize?: number;
}

const createRequest = z.object({
  emails: z.array(z.string()).check(z.minLength(1)),
  projectRoleId: z.optional(z.string()),
});

const invitation = z.object({
  id: z.int(),
  email: z.string(),
  status: z.string(),
  created_at: z.string(),
  projectRoleId: z.string(),
});

const createResponse = z.object({
  success: z.literal(true),
  data: z.object({ invitations: z.array(invitation) }),
});

const rolesResponse = z.object({
  success: z.literal(true),
  data: z.object({
    roles: z.array(z.object({ id: z.string(), name: z.string(), projectId: z.nullable(z.string()) })),
  }),
});

/** API Conventions: `{ success: false, error, deprecated }` on every endpoint. */
const errorResponse = z.object({ success: z.literal(false), error: z.string() });

const isOwner = (name: string) => name.trim().toLowerCase() === CONFIDENT_AI_OWNER_ROLE.toLowerCase();

type RoleChoice = { ok: true; projectRoleId: string | undefined } | { ok: false };

export function createConfidentAiAdapter(options: ConfidentAiAdapterOptions): InviteAdapter {
  const defaultRole = options.defaultRole ?? CONFIDENT_AI_DEFAULT_ROLE;
  const maxBatchSize = options.maxBatchSize ?? CONFIDENT_AI_MAX_BATCH_SIZE;
  const named = Object.entries(options.roles ?? {}).filter(([name]) => !isOwner(name));
  const ids = new Map(named.map(([name, id]) => [name.toLowerCase(), id]));
  const roles = named.map(([name]) => name);
  if (!ids.has(CONFIDENT_AI_DEFAULT_ROLE.toLowerCase())) roles.unshift(CONFIDENT_AI_DEFAULT_ROLE);

  function chooseRole(role: string | undefined): RoleChoice {
    const name = role ?? defaultRole;
    // "The Owner role cannot be assigned" [Create Project Invitations].
    if (isOwner(name)) return { ok: false };
    const key = name.toLowerCase();
    if (ids.has(key)) return { ok: true, projectRoleId: ids.get(key) };
    // The default role needs no id: the API applies it when projectRoleId is absent.
    if (key === CONFIDENT_AI_DEFAULT_ROLE.toLowerCase()) return { ok: true, projectRoleId: undefined };
    return { ok: false };
  }

  if (!chooseRole(undefined).ok) throw new TypeError(`defaultRole "${defaultRole}" is not one of ${roles.join(', ')}.`);

  /** One request per projectRoleId; unusable roles get their own groups so they fail together, unsent. */
  function groupBy(invitee: Invitee): string {
    const choice = chooseRole(invitee.role);
    return choice.ok ? (choice.projectRoleId ?? '') : `unusable:${(invitee.role ?? '').toLowerCase()}`;
  }

  async function send(batch: readonly Invitee[], context?: SendContext): Promise<AddressOutcome[]> {
    const first = batch[0];
    if (first === undefined) return [];
    if (batch.length > maxBatchSize) {
      throw new InviteError('BAD_REQUEST', `A Confident AI batch holds at most ${maxBatchSize} invitees; got ${batch.length}.`);
    }
    if (new Set(batch.map(groupBy)).size > 1) {
      throw new InviteError('BAD_REQUEST', 'A Confident AI request carries one projectRoleId: group the batch with adapter.groupBy.');
    }
    const role = chooseRole(first.role);
    // Never sent: the engine words it from the role and the adapter's roles.
    if (!role.ok) return batch.map((invitee) => ({ email: invitee.email, status: 'failed', code: 'ROLE_NOT_ALLOWED' }));

    const body = createRequest.parse({
      emails: batch.map((invitee) => invitee.email),
      ...(role.projectRoleId === undefined ? {} : { projectRoleId: role.projectRoleId }),
    });
    // Confident AI documents no idempotency key, so `context.idempotencyKey` is not sent.
    const response = await confidentAiRequest(options, 'POST', invitationsPath(options.projectId), body, context?.signal);
    const parsed = createResponse.safeParse(response.body);
    if (!parsed.success) throw invalidResponse(response, parsed.error);

    const created = new Map(parsed.data.data.invitations.map((item) => [item.email.toLowerCase(), item]));
    return batch.map((invitee): AddressOutcome => {
      const item = created.get(invitee.email.toLowerCase());
      if (item) return { email: invitee.email, status: 'sent', vendorId: String(item.id) };
      // Absent = skipped as a member or as already invited; the API does not say which. ALREADY_INVITED
      // because it is true in the case that matters most: a retry whose first attempt landed comes back
      // without the address, and the engine counts "already invited" on a retry as delivered.
      return { email: invitee.email, status: 'skipped', code: 'ALREADY_INVITED', notInAnswer: true };
    });
  }

  return {
    vendor: 'confident-ai',
    roles,
    defaultRole,
    maxBatchSize,
    groupBy,
    send,
  };
}

const projectPath = (projectId: string) => `/v1/projects/${encodeURIComponent(projectId)}`;
const invitationsPath = (projectId: string) => `${projectPath(projectId)}/invitations`;

/** Sends one request; a non-2xx becomes an InviteError carrying the API's `error` text as vendorCode. */
async function confidentAiRequest(
  connection: AdapterConnection,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<VendorResponse> {
  const apiKey = await resolveApiKey(connection.apiKey);
  const response = await callVendor(
    { baseUrl: connection.baseUrl ?? CONFIDENT_AI_BASE_URL, ...(connection.fetch ? { fetch: connection.fetch } : {}) },
    {
      method,
      path,
      ...(apiKey ? { headers: { [CONFIDENT_AI_KEY_HEADER]: apiKey }, credential: apiKey } : {}),
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
    },
  );
  if (response.status >= 200 && response.status < 300) return response;
  const refusal = errorResponse.safeParse(response.body);
  const text = refusal.success ? refusal.data.error : undefined;
  throw statusError(response, text ? `Confident AI: ${text}` : `Confident AI answered HTTP ${response.status}.`, { vendorCode: text, vendorMessage: text });
}

function invalidResponse(response: VendorResponse, cause: unknown): InviteError {
  return new InviteError('INVALID_RESPONSE', `Confident AI answered ${response.status} with a body this adapter does not recognise.`, {
    status: response.status,
    cause,
  });
}

/**
 * The project's assignable roles as `roles` for `createConfidentAiAdapter`: name → projectRoleId from
 * `GET /v1/projects/:projectId/roles` (system and custom roles, Owner left out). Call it where the
 * organization key lives (your server), once, not per batch.
 */
export async function loadConfidentAiRoles(
  options: AdapterConnection & { projectId: string; signal?: AbortSignal },
): Promise<Record<string, string>> {
  const response = await confidentAiRequest(options, 'GET', `${projectPath(options.projectId)}/roles`, undefined, options.signal);
  const parsed = rolesResponse.safeParse(response.body);
  if (!parsed.success) throw invalidResponse(response, parsed.error);
  const roles: Record<string, string> = {};
  for (const role of parsed.data.data.roles) {
    if (!(role.projectId === null && isOwner(role.name))) roles[role.name] = role.id;
  }
  return roles;
}
