/**
 * MSW handlers for Wix Site Invites: Bulk Invite and its Resend / Revoke siblings. Each request goes
 * through the same gates in the same order: fault scenario, API-key auth with the site/account header,
 * body validation, then the business rules. Errors use Wix's standard envelope ("About Errors").
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { networkFaultResponse, type Fault, type RateWindow, type Scenario } from '../scenario.ts';
import {
  bulkInviteRequestSchema,
  resendInviteRequestSchema,
  type WixErrorBody,
  type WixFieldViolation,
} from './schemas.ts';
import type { WixSite, WixStore } from './store.ts';

/** "Wix API rate limits allow an app to perform up to 200 requests per minute, per instance." */
export const WIX_RATE_LIMIT: RateWindow = { limit: 200, windowMs: 60_000 };

export interface WixAuthOptions {
  /** Keys accepted. Absent: any non-empty key. */
  keys?: readonly string[];
  /** Keys that authenticate but lack `SCOPE.DC-IDENTITY.MANAGE-CONTRIBUTORS`: every call gets 403. */
  keysWithoutScope?: readonly string[];
}

const VENDOR = 'wix';

function errorResponse(status: number, body: WixErrorBody, headers?: Record<string, string>): Response {
  return HttpResponse.json(body, { status, ...(headers ? { headers } : {}) });
}

// assumption (all texts below): Wix documents the envelope and the codes, not the wording.
function applicationError(
  status: number,
  code: string,
  message: string,
  description: string,
  data: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Response {
  return errorResponse(status, { message, details: { applicationError: { code, description, data } } }, headers);
}

function validationError(fieldViolations: WixFieldViolation[]): Response {
  const message = fieldViolations.map((v) => `${v.field} ${v.description}`).join(', ');
  return errorResponse(400, { message, details: { validationError: { fieldViolations } } });
}

const unauthenticated = (message: string, description: string) =>
  applicationError(401, 'UNAUTHENTICATED', message, description);
const permissionDenied = (description: string) =>
  applicationError(403, 'PERMISSION_DENIED', 'Permission denied', description);

async function faultResponse(fault: Fault): Promise<Response> {
  const network = await networkFaultResponse(fault);
  if (network) return network;
  switch (fault.kind) {
    case 'server-error':
      // "System errors … are sent empty by design" (About Errors): the envelope with nothing in it.
      return errorResponse(fault.status, { message: '', details: {} });
    case 'rate-limited':
      // assumption: Wix documents the 200/min limit and 429 RESOURCE_EXHAUSTED, but no headers;
      // Retry-After is the one hint a client can act on.
      return applicationError(
        429,
        'RESOURCE_EXHAUSTED',
        'Too many requests',
        `Rate limit exceeded: at most ${fault.limit} requests per minute.`,
        {},
        { 'Retry-After': String(fault.retryAfterSeconds) },
      );
    case 'auth-expired':
      return unauthenticated('Invalid API key', 'The API key is no longer valid (revoked or expired).');
    default:
      return HttpResponse.error();
  }
}

/**
 * `Authorization: <API key>` (the key is the whole value) plus exactly one of `wix-site-id` /
 * `wix-account-id`. Resolves to the site the call acts on.
 */
function authenticate(request: Request, store: WixStore, auth: WixAuthOptions): Response | WixSite {
  const key = request.headers.get('authorization')?.trim() ?? '';
  if (key === '') {
    return unauthenticated('Missing Authorization header', 'Send the API key as the value of the Authorization header.');
  }
  const scopeless = auth.keysWithoutScope?.includes(key) ?? false;
  // assumption: Wix reads the whole header as the key, so a `Bearer ` prefix makes it a key it doesn't know.
  if (/^bearer\s/i.test(key)) {
    return unauthenticated(
      'Invalid API key',
      "API keys go in the Authorization header as they are, without a 'Bearer' prefix.",
    );
  }
  if (auth.keys && !auth.keys.includes(key) && !scopeless) {
    return unauthenticated('Invalid API key', 'The Authorization header does not hold a valid API key.');
  }
  if (scopeless) {
    return permissionDenied('The API key lacks the permission scope SCOPE.DC-IDENTITY.MANAGE-CONTRIBUTORS.');
  }
  const siteId = request.headers.get('wix-site-id')?.trim();
  const accountId = request.headers.get('wix-account-id')?.trim();
  // The API-key article: send wix-site-id or wix-account-id, "not both"; missing → 403.
  if (siteId && accountId) {
    return permissionDenied('Send either the wix-site-id or the wix-account-id header, not both.');
  }
  if (!siteId && !accountId) {
    return permissionDenied('An API key call needs a wix-site-id or a wix-account-id header.');
  }
  if (accountId) {
    if (accountId !== store.accountId) return permissionDenied(`The API key does not belong to account ${accountId}.`);
    // assumption: site invites act on "the requesting site", which an account header does not name.
    return permissionDenied('Site invites act on a site: send the wix-site-id header.');
  }
  const site = store.site(siteId ?? '');
  // assumption: a site outside the key's account is a permission problem (403), not a 404.
  return site ?? permissionDenied(`The API key's account has no site ${siteId}.`);
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = body;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
}

// assumption: `violatedRule` values as Wix's validation framework names them (REQUIRED_FIELD, FORMAT).
function toViolation(body: unknown, issue: Issue): WixFieldViolation {
  const field = fieldName(issue.path);
  if (valueAt(body, issue.path) === undefined) {
    return { field, description: 'is required', violatedRule: 'REQUIRED_FIELD' };
  }
  if (issue.code === 'too_small') return { field, description: 'must not be empty', violatedRule: 'REQUIRED_FIELD' };
  const expected = typeof issue.expected === 'string' ? issue.expected : 'of another type';
  const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
  return { field, description: `must be ${article} ${expected}`, violatedRule: 'FORMAT' };
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

async function readBody<T>(
  request: Request,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
  options: { emptyIsObject: boolean },
): Promise<Parsed<T>> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== '' || !options.emptyIsObject) {
    try {
      body = JSON.parse(text);
    } catch {
      return {
        ok: false,
        response: applicationError(400, 'INVALID_ARGUMENT', 'Bad Request', 'The request body is not valid JSON.'),
      };
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      response: applicationError(400, 'INVALID_ARGUMENT', 'Bad Request', 'The request body must be a JSON object.'),
    };
  }
  const result = schema.safeParse(body);
  if (!result.success) return { ok: false, response: validationError(result.error.issues.map((i) => toViolation(body, i))) };
  return { ok: true, data: result.data };
}

export function createWixHandlers(store: WixStore, scenario: Scenario, auth: WixAuthOptions = {}): HttpHandler[] {
  return [
    http.post('*/invites/site-invite/bulk', async ({ request }) => {
      const fault = await scenario.next(VENDOR, WIX_RATE_LIMIT);
      if (fault) return faultResponse(fault);
      const site = authenticate(request, store, auth);
      if (site instanceof Response) return site;
      const body = await readBody(request, bulkInviteRequestSchema, { emptyIsObject: false });
      if (!body.ok) return body.response;
      const { policyIds, emails, invitePurpose, defaultEmailLanguage, locationRestriction } = body.data;

      const unknown = store.unknownPolicyIds(site, policyIds);
      if (unknown.length > 0) {
        // assumption: an unknown role id refuses the whole request (it would apply to every address).
        return applicationError(
          400,
          'INVALID_ARGUMENT',
          'Invalid policy ids',
          `No role with policy id ${unknown.join(', ')} exists on site ${site.id}.`,
          { policyIds: unknown },
        );
      }
      const result = store.bulkInvite(site, {
        emails,
        policyIds,
        ...(locationRestriction?.locationIds ? { locationIds: locationRestriction.locationIds } : {}),
        ...(defaultEmailLanguage ? { language: defaultEmailLanguage } : {}),
        ...(invitePurpose ? { invitePurpose } : {}),
        refuses: (email) => scenario.refuses(email),
      });
      // Both arrays always present, even when empty (the typings make them optional; clients must cope).
      return HttpResponse.json(result);
    }),

    http.post<{ inviteId: string }>('*/invites/site-invite/:inviteId/resend', async ({ request, params }) => {
      const fault = await scenario.next(VENDOR, WIX_RATE_LIMIT);
      if (fault) return faultResponse(fault);
      const site = authenticate(request, store, auth);
      if (site instanceof Response) return site;
      const body = await readBody(request, resendInviteRequestSchema, { emptyIsObject: true });
      if (!body.ok) return body.response;

      const target = store.invite(params.inviteId);
      if (!target || target.siteId !== site.id) return inviteNotFound(params.inviteId);
      // assumption: only an invite still awaiting an answer (Pending, or Expired unanswered) can be resent;
      // 428 is Wix's "Precondition required".
      if (target.status !== 'Pending' && target.status !== 'Expired') {
        return applicationError(
          428,
          'FAILED_PRECONDITION',
          'Invite cannot be resent',
          `Invite ${target.id} is ${target.status}; only a Pending or Expired invite can be resent.`,
          { status: target.status },
        );
      }
      const language = body.data.defaultEmailLanguage ?? undefined;
      return HttpResponse.json({ invite: store.resend(target, language) });
    }),

    http.post<{ inviteId: string }>('*/invites/site-invite/:inviteId/revoke', async ({ request, params }) => {
      const fault = await scenario.next(VENDOR, WIX_RATE_LIMIT);
      if (fault) return faultResponse(fault);
      const site = authenticate(request, store, auth);
      if (site instanceof Response) return site;

      const target = store.invite(params.inviteId);
      if (!target || target.siteId !== site.id) return inviteNotFound(params.inviteId);
      // assumption: revoking twice is a no-op (safe to retry); revoking an answered invite is refused.
      if (target.status === 'Deleted') return HttpResponse.json({});
      if (target.status !== 'Pending') {
        return applicationError(
          428,
          'FAILED_PRECONDITION',
          'Invite cannot be revoked',
          `Invite ${target.id} is ${target.status}; only a Pending invite can be revoked.`,
          { status: target.status },
        );
      }
      store.revoke(target);
      return HttpResponse.json({});
    }),
  ];
}

function inviteNotFound(inviteId: string): Response {
  // assumption: 404 NOT_FOUND, as Wix's status table describes it; the texts are ours.
  return applicationError(404, 'NOT_FOUND', 'Invite not found', `No site invite with id ${inviteId}.`, { inviteId });
}
