/**
 * MSW handlers for AthenaHQ's invite endpoints. Order in each: scenario fault, `x-api-key`, the
 * organization's rate-limit window, body validation, key scope, then the per-target rules.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { networkFaultResponse, type Fault, type Scenario } from '../scenario.ts';
import {
  bulkInviteRequestSchema,
  createInviteRequestSchema,
  firstIssueMessage,
  type BulkInviteResponse,
  type CreateInviteResponse,
  type ErrorResponse,
  type TargetResult,
} from './schemas.ts';
import type { AthenaApiKey, AthenaStore, AthenaTargetType, InviteResult, RateCount, RateWindow } from './store.ts';

export const ATHENA_VENDOR = 'athenahq';
/** Documented: 60 requests per minute per organization. */
export const ATHENA_RATE_LIMIT: RateWindow = { limit: 60, windowMs: 60_000 };

export interface AthenaHandlerContext {
  store: AthenaStore;
  scenario: Scenario;
  /** The key a header value stands for, or undefined when it is not accepted. */
  resolveKey(value: string | null): AthenaApiKey | undefined;
  /** The organization's window, reported in the headers (and passed to the scenario's `rate-limited`). */
  rateLimit: RateWindow;
  /** Window whose numbers the headers report (the scenario's own when it runs `rate-limited` with one). */
  headerLimit: RateWindow;
  /** Answer 429 past the window. Off by default so load tests are not throttled; headers are sent anyway. */
  enforceRateLimit: boolean;
}

// assumption: error texts below are ours; the doc publishes none (vendors.md §4 fixes "Invalid API key").
const TEXT = {
  missingKey: 'Missing API key',
  invalidKey: 'Invalid API key',
  rateLimited: 'Rate limit exceeded',
  serverError: 'Internal server error',
  unavailable: 'Service temporarily unavailable',
  invalidJson: 'Invalid JSON body',
  groupNeedsGlobalKey: 'Group invites require a global API key',
  organizationNeedsGlobalKey: 'Organization invites require a global API key',
} as const;

const errorBody = (error: string): ErrorResponse => ({ success: false, error });

function errorResponse(status: number, error: string, headers?: HeadersInit): Response {
  return HttpResponse.json(errorBody(error), { status, ...(headers ? { headers } : {}) });
}

function rateHeaders(count: Pick<RateCount, 'limit' | 'remaining' | 'resetSeconds'>): Record<string, string> {
  return {
    'x-rate-limit-limit': String(count.limit),
    'x-rate-limit-remaining': String(count.remaining),
    'x-rate-limit-reset': String(count.resetSeconds),
  };
}

/** The scenario's faults in AthenaHQ's envelope. */
function faultResponse(fault: Fault): Response {
  switch (fault.kind) {
    case 'network-error':
    case 'timeout':
      // networkFaultResponse answers these before we get here.
      return HttpResponse.error();
    case 'rate-limited':
      return errorResponse(429, TEXT.rateLimited, {
        ...rateHeaders({ limit: fault.limit, remaining: 0, resetSeconds: Math.ceil(fault.resetAt / 1000) }),
        'retry-after': String(fault.retryAfterSeconds),
      });
    case 'auth-expired':
      // assumption: a revoked or expired key reads the same as a wrong one.
      return errorResponse(401, TEXT.invalidKey);
    case 'server-error':
      // assumption: 5xx come from in front of the rate limiter, so they carry no x-rate-limit-* headers.
      return errorResponse(fault.status, fault.status === 503 ? TEXT.unavailable : TEXT.serverError);
  }
}

type Admission = { key: AthenaApiKey; headers: Record<string, string> } | Response;

/** Everything before the body: fault, credential, rate-limit window. */
async function admit(context: AthenaHandlerContext, request: Request): Promise<Admission> {
  const fault = await context.scenario.next(ATHENA_VENDOR, context.rateLimit);
  if (fault) return (await networkFaultResponse(fault)) ?? faultResponse(fault);

  const header = request.headers.get('x-api-key');
  if (!header?.trim()) return errorResponse(401, TEXT.missingKey);
  const key = context.resolveKey(header);
  // Unauthenticated answers carry no rate-limit headers: the doc promises them on authenticated ones.
  if (!key) return errorResponse(401, TEXT.invalidKey);

  // assumption: a fixed window opening with the first request. Unenforced, `remaining` stays at 0 past the
  // limit while requests are still served (the headers keep the documented meaning).
  const count = context.store.countRequest(context.headerLimit);
  const headers = rateHeaders(count);
  if (context.enforceRateLimit && count.exceeded) {
    return errorResponse(429, TEXT.rateLimited, { ...headers, 'retry-after': String(count.retryAfterSeconds) });
  }
  return { key, headers };
}

const INVALID_JSON = Symbol('invalid JSON');

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return INVALID_JSON;
  }
}

const canReachWebsite = (key: AthenaApiKey, websiteId: string) =>
  key.websiteIds === 'all' || key.websiteIds.includes(websiteId);

// assumption: the refusal `partial` injects (an address the organization will not invite, e.g. a domain
// policy) reads like the other per-target errors.
const refusalText = (type: AthenaTargetType) => `User cannot be invited to this ${type}`;

/** The vendor's sentence for one target's result (doc + vendors.md §4). */
function describe(type: AthenaTargetType, result: InviteResult): { ok: true; message: string } | { ok: false; error: string } {
  switch (result.kind) {
    case 'added':
      return { ok: true, message: `User added to ${type}` };
    case 'invited':
      return { ok: true, message: 'Invitation sent' };
    case 'already-member':
      return { ok: false, error: `User is already a member of this ${type}` };
    case 'already-invited':
      return { ok: false, error: `User already has a pending invite for this ${type}` };
    case 'not-found':
      return { ok: false, error: type === 'group' ? 'Group not found' : type === 'website' ? 'Website not found' : 'Organization not found' };
  }
}

async function handleBulk(context: AthenaHandlerContext, request: Request): Promise<Response> {
  const admitted = await admit(context, request);
  if (admitted instanceof Response) return admitted;
  const { key, headers } = admitted;

  const json = await readJson(request);
  if (json === INVALID_JSON) return errorResponse(400, TEXT.invalidJson, headers);
  const parsed = z.safeParse(bulkInviteRequestSchema, json);
  if (!parsed.success) return errorResponse(400, firstIssueMessage(parsed.error), headers);
  const body = parsed.data;
  if (body.group_ids && key.websiteIds !== 'all') return errorResponse(403, TEXT.groupNeedsGlobalKey, headers);

  const type: 'website' | 'group' = body.group_ids ? 'group' : 'website';
  const ids = body.group_ids ?? body.website_ids ?? [];
  const idField = type === 'group' ? 'group_id' : 'website_id';
  const refused = context.scenario.refuses(body.email);
  const inviteIds: string[] = [];

  // Targets are processed independently and in order, so a repeated id meets the first one's result.
  const results = ids.map((id): TargetResult => {
    if (refused) return { [idField]: id, success: false, error: refusalText(type) };
    const result: InviteResult =
      // assumption (brief): a scoped key's out-of-scope website reads as "Website not found", not 403.
      type === 'website' && !canReachWebsite(key, id)
        ? { kind: 'not-found' }
        : context.store.invite({
            targetType: type,
            targetId: id,
            email: body.email,
            role: body.role,
            method: body.invite_method,
            firstName: body.first_name,
            lastName: body.last_name,
          });
    const said = describe(type, result);
    if (!said.ok) return { [idField]: id, success: false, error: said.error };
    if (result.kind === 'invited') inviteIds.push(result.inviteId);
    return {
      [idField]: id,
      success: true,
      message: said.message,
      ...(result.kind === 'added' ? { user_id: result.userId } : {}),
      ...(result.kind === 'invited' ? { invite_id: result.inviteId } : {}),
    };
  });
  // Doc: "'email' creates pending invite records and sends a single consolidated invitation email."
  if (inviteIds.length > 0) context.store.sendInvitationEmail(body.email, inviteIds);

  const response: BulkInviteResponse = { success: true, results };
  // assumption: the doc shows no status for the bulk answer; 200 as for any processed request.
  return HttpResponse.json(response, { status: 200, headers });
}

async function handleCreate(context: AthenaHandlerContext, request: Request): Promise<Response> {
  const admitted = await admit(context, request);
  if (admitted instanceof Response) return admitted;
  const { key, headers } = admitted;

  const json = await readJson(request);
  if (json === INVALID_JSON) return errorResponse(400, TEXT.invalidJson, headers);
  const parsed = z.safeParse(createInviteRequestSchema, json);
  if (!parsed.success) return errorResponse(400, firstIssueMessage(parsed.error), headers);
  const body = parsed.data;

  // Doc: group invites require a global key. assumption: so do organization-wide ones (a scoped key
  // reaches only its websites), and the ids a type does not use are ignored (the doc's own example sends
  // `website_id` and `group_id` with type "organization").
  if (body.type === 'group' && key.websiteIds !== 'all') return errorResponse(403, TEXT.groupNeedsGlobalKey, headers);
  if (body.type === 'organization' && key.websiteIds !== 'all') {
    return errorResponse(403, TEXT.organizationNeedsGlobalKey, headers);
  }
  const targetId = body.type === 'website' ? body.website_id : body.type === 'group' ? body.group_id : undefined;
  // assumption: single-target failures come back as whole-request errors: 404 not found (incl. a scoped
  // key's other websites), 409 already a member / already invited, 400 for a `partial` refusal.
  if (body.type === 'website' && targetId && !canReachWebsite(key, targetId)) {
    return errorResponse(404, 'Website not found', headers);
  }
  if (context.scenario.refuses(body.email)) return errorResponse(400, refusalText(body.type), headers);

  const result = context.store.invite({
    targetType: body.type,
    targetId: targetId ?? '',
    email: body.email,
    role: body.role,
    method: body.invite_method,
    firstName: body.first_name,
    lastName: body.last_name,
  });
  const said = describe(body.type, result);
  if (!said.ok) return errorResponse(result.kind === 'not-found' ? 404 : 409, said.error, headers);
  if (result.kind === 'invited') context.store.sendInvitationEmail(body.email, [result.inviteId]);

  const response: CreateInviteResponse = {
    success: true,
    message: said.message,
    ...(result.kind === 'added' ? { user_id: result.userId } : {}),
    ...(result.kind === 'invited' ? { invite_id: result.inviteId } : {}),
  };
  // assumption: 200, as "User added or invitation sent successfully" gives no status.
  return HttpResponse.json(response, { status: 200, headers });
}

/** The leading `*` lets the handlers answer at api.athenahq.ai and under any proxy prefix. */
export function createAthenaHandlers(context: AthenaHandlerContext): HttpHandler[] {
  return [
    http.post('*/api/v1/invites/bulk', ({ request }) => handleBulk(context, request)),
    http.post('*/api/v1/invites', ({ request }) => handleCreate(context, request)),
  ];
}
