/**
 * msw handlers for Diga's project-invitation endpoints. Each request goes through the same gate as a
 * FastAPI app with a bearer dependency: scenario fault, then auth, then body validation (422), then the
 * endpoint's own rules. Paths start with `*` so they answer at https://api.diga.io and under any proxy prefix.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import { networkFaultResponse, type Fault, type Scenario } from '../scenario.ts';
import {
  BulkInvitationCreateSchema,
  InvitationCreateSchema,
  InvitationRoleUpdateSchema,
  readJsonBody,
  uuidError,
  validationErrors,
  type AppRole,
  type BulkInvitationResponse,
  type ErrorResponse,
  type HTTPValidationError,
  type InvitationResponse,
  type ValidationError,
} from './schemas.ts';
import type { DigaProject, DigaStore, InviteCheck } from './store.ts';

export interface DigaHandlerContext {
  store: DigaStore;
  scenario: Scenario;
  /** The project a bearer token selects, or undefined when the token is not an accepted key. */
  projectFor(token: string): string | undefined;
}

export const VENDOR = 'diga';

/** Per-address texts adapters classify; fixed so both sides agree. */
export const digaMessages = {
  alreadyInvited: 'Invitation already sent',
  alreadyMember: 'User is already a member of this project',
  invalidEmail: (email: string) => `The email ${email} is not valid`,
  // assumption: the `partial` scenario's refusal reads like a failed send in Diga's batch email step.
  refused: 'Failed to send invitation email',
  // assumption: vendors.md's 401 text (stock FastAPI would answer {"detail":"Not authenticated"}).
  unauthorized: 'Invalid or missing API key',
} as const;

function errorResponse(status: number, error_code: string, message: string, headers?: HeadersInit): Response {
  return HttpResponse.json<ErrorResponse>({ status: 'error', error_code, message }, { status, ...(headers ? { headers } : {}) });
}

function unprocessable(detail: ValidationError[]): Response {
  return HttpResponse.json<HTTPValidationError>({ detail }, { status: 422 });
}

function projectNotFound(projectId: string): Response {
  return errorResponse(404, 'PROJECT_NOT_FOUND', `Project ${projectId} not found`);
}

/** Diga's envelope for the faults a scenario injects above the network level. */
function faultResponse(fault: Fault): Response {
  switch (fault.kind) {
    case 'network-error':
    case 'timeout':
      return HttpResponse.error(); // networkFaultResponse answers these; never reached
    case 'server-error':
      return fault.status === 500
        ? errorResponse(500, 'INTERNAL_SERVER_ERROR', 'Error: Internal Server Error')
        : // assumption: 503 uses the same envelope as the documented 500.
          errorResponse(503, 'SERVICE_UNAVAILABLE', 'Error: Service Unavailable');
    case 'rate-limited':
      // assumption: Diga publishes no limit or rate-limit headers; answer the standard envelope + Retry-After.
      return errorResponse(429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded, retry in ${fault.retryAfterSeconds} seconds`, {
        'Retry-After': String(fault.retryAfterSeconds),
      });
    case 'auth-expired':
      return errorResponse(401, 'UNAUTHORIZED', digaMessages.unauthorized);
  }
}

/** Fault, then bearer auth. Resolves to the key's project id, or the response that ends the request. */
async function admit(context: DigaHandlerContext, request: Request): Promise<{ projectId: string } | Response> {
  const fault = await context.scenario.next(VENDOR);
  if (fault) return (await networkFaultResponse(fault)) ?? faultResponse(fault);
  const token = /^bearer\s+(.+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1]?.trim();
  const projectId = token ? context.projectFor(token) : undefined;
  return projectId === undefined ? errorResponse(401, 'UNAUTHORIZED', digaMessages.unauthorized) : { projectId };
}

/** The body parsed against `schema`, or FastAPI's 422 details (a JSON error, else the schema errors). */
async function readBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; detail: ValidationError[] }> {
  const json = readJsonBody(await request.text());
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, detail: validationErrors(parsed.error.issues, json.value) };
}

/** What one address comes to in the bulk endpoint. */
function bulkItem(
  context: DigaHandlerContext,
  project: DigaProject,
  email: string,
  role: AppRole,
  check: InviteCheck,
): { sent: InvitationResponse } | { failed: BulkInvitationResponse['failed'][number] } {
  const fail = (error: string, invitation: InvitationResponse | null = null) => ({
    failed: { email, success: false, error, invitation },
  });
  switch (check.kind) {
    case 'invalid':
      return fail(digaMessages.invalidEmail(email));
    case 'member':
      return fail(digaMessages.alreadyMember);
    case 'pending':
      return fail(digaMessages.alreadyInvited, check.invitation);
    case 'new':
      // assumption: `partial` refuses only addresses that would otherwise get a new invitation.
      if (context.scenario.refuses(email)) return fail(digaMessages.refused);
      return { sent: context.store.createInvitation(project, email, role, context.store.inviterName(project)) };
  }
}

export function createDigaHandlers(context: DigaHandlerContext): HttpHandler[] {
  const { store } = context;

  const sendBulk = http.post('*/v1/project/invitation/send/bulk', async ({ request }) => {
    const gate = await admit(context, request);
    if (gate instanceof Response) return gate;
    const body = await readBody(request, BulkInvitationCreateSchema);
    if (!body.ok) return unprocessable(body.detail);
    const project = store.project(gate.projectId);
    if (!project) return projectNotFound(gate.projectId);

    const result: BulkInvitationResponse = { successful: [], failed: [] };
    // In order, so a repeat within one request meets the invitation its first occurrence just made.
    for (const { email, role } of body.data.invitations) {
      const outcome = bulkItem(context, project, email, role, store.check(project, email));
      if ('sent' in outcome) result.successful.push(outcome.sent);
      else result.failed.push(outcome.failed);
    }
    return HttpResponse.json(result, { status: 201 });
  });

  const sendOne = http.post('*/v1/project/invitation/send', async ({ request }) => {
    const gate = await admit(context, request);
    if (gate instanceof Response) return gate;
    const body = await readBody(request, InvitationCreateSchema);
    if (!body.ok) return unprocessable(body.detail);
    const project = store.project(gate.projectId);
    if (!project) return projectNotFound(gate.projectId);

    const { email, role } = body.data;
    const check = store.check(project, email);
    // assumption: the single endpoint turns the bulk endpoint's per-address errors into error envelopes.
    switch (check.kind) {
      case 'invalid':
        return errorResponse(400, 'INVALID_EMAIL', digaMessages.invalidEmail(email));
      case 'member':
        return errorResponse(409, 'USER_ALREADY_MEMBER', digaMessages.alreadyMember);
      case 'pending':
        return errorResponse(409, 'INVITATION_ALREADY_SENT', digaMessages.alreadyInvited);
      case 'new':
        if (context.scenario.refuses(email)) return errorResponse(502, 'EMAIL_SEND_FAILED', digaMessages.refused);
        // assumption: 201 like the bulk endpoint (the page only says "Successful Response").
        return HttpResponse.json(store.createInvitation(project, email, role, store.inviterName(project)), { status: 201 });
    }
  });

  const updateRole = http.patch('*/v1/project/:project_id/invitation/:invitation_id/role', async ({ request, params }) => {
    const gate = await admit(context, request);
    if (gate instanceof Response) return gate;
    const projectId = String(params['project_id']);
    const invitationId = String(params['invitation_id']);
    // FastAPI reports path and body errors together, path first.
    const pathErrors = [uuidError('project_id', projectId), uuidError('invitation_id', invitationId)].filter(
      (e): e is ValidationError => e !== undefined,
    );
    const body = await readBody(request, InvitationRoleUpdateSchema);
    if (pathErrors.length > 0 || !body.ok) return unprocessable([...pathErrors, ...(body.ok ? [] : body.detail)]);

    // assumption: a key only reaches its own project; any other project id reads as not found.
    const project = projectId.toLowerCase() === gate.projectId ? store.project(gate.projectId) : undefined;
    if (!project) return projectNotFound(projectId);
    const invitation = store.invitation(project.id, invitationId);
    if (!invitation) return errorResponse(404, 'INVITATION_NOT_FOUND', `Invitation ${invitationId} not found`);
    // assumption: answers 200 with the updated invitation (the page only says "Successful Response").
    return HttpResponse.json(store.setRole(invitation, body.data.role), { status: 200 });
  });

  return [sendBulk, sendOne, updateRole];
}
