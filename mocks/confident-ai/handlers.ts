/**
 * MSW handlers for Confident AI's project invitations API and its project roles list. Each handler runs
 * the same gate (scenario fault → API key → project), then the endpoint's own rules. Bodies follow the
 * API Conventions envelope: `{ success, data, deprecated }` or `{ success: false, error, deprecated }`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { networkFaultResponse, type Fault, type Scenario } from '../scenario.ts';
import { parseCreateInvitationsBody } from './schemas.ts';
import type { ConfidentAiStore, Organization, Project, ProjectInvitation, ProjectRole } from './store.ts';

const VENDOR = 'confident-ai';
/** Literally this name, underscores included [003]. */
export const CONFIDENT_AI_KEY_HEADER = 'CONFIDENT_API_KEY';

/**
 * Every `error` text the mock sends. assumption: all of them except `ownerRole`, which paraphrases the doc
 * ("The Owner role cannot be assigned"), and `freePlan`, which vendors.md fixes; the docs show no error bodies.
 */
export const confidentAiMessages = {
  missingKey: 'Missing API key',
  invalidKey: 'Invalid API key',
  projectKey: 'This endpoint requires an organization API key',
  projectNotFound: 'Project not found',
  invitationNotFound: 'Invitation not found',
  invalidInvitationId: 'invitationId must be an integer',
  notPending: 'Only pending invitations can be resent',
  roleNotFound: 'Project role not found',
  ownerRole: 'The Owner role cannot be assigned',
  freePlan: 'Inviting members is not available on the Free plan',
  invalidJson: 'Invalid JSON body',
  rateLimited: 'Too many requests',
  serverError: 'Internal server error',
  unavailable: 'Service unavailable',
} as const;

export interface ConfidentAiHandlerContext {
  store: ConfidentAiStore;
  scenario: Scenario;
  /** Organization keys; undefined accepts any non-empty key that is not a project key. */
  keys?: readonly string[] | undefined;
  /** Project keys: valid credentials that may not administer the organization (403). */
  projectKeys?: readonly string[] | undefined;
  now: () => number;
}

function fail(status: number, error: string, headers?: Record<string, string>): Response {
  return HttpResponse.json({ success: false, error, deprecated: false }, { status, ...(headers ? { headers } : {}) });
}

function succeed(data: unknown): Response {
  // Status 200 for every endpoint, creation included: the docs' examples all say "200".
  return HttpResponse.json({ success: true, data, deprecated: false });
}

function faultResponse(fault: Fault): Response {
  switch (fault.kind) {
    case 'server-error':
      return fail(fault.status, fault.status === 503 ? confidentAiMessages.unavailable : confidentAiMessages.serverError);
    case 'rate-limited':
      // assumption: no rate limit or rate-limit headers are published; answer with a plain Retry-After.
      return fail(429, confidentAiMessages.rateLimited, { 'Retry-After': String(fault.retryAfterSeconds) });
    case 'auth-expired':
      return fail(401, confidentAiMessages.invalidKey);
    default:
      // network-error and timeout are answered by networkFaultResponse.
      return fail(500, confidentAiMessages.serverError);
  }
}

/** The invitation as the API shows it (store-only fields left out). */
function invitationBody(invitation: ProjectInvitation) {
  const { id, email, status, created_at, projectRoleId } = invitation;
  return { id, email, status, created_at, projectRoleId };
}

function roleBody(role: ProjectRole) {
  const { id, name, description, projectId, policies } = role;
  return { id, name, description, projectId, policies: policies.map(({ id, name }) => ({ id, name })) };
}

/** "not available on the Free plan outside of the trial period" [003]. */
function mayInvite(organization: Organization, now: number): boolean {
  if (organization.plan !== 'free') return true;
  return organization.trialEndsAt !== null && Date.parse(organization.trialEndsAt) > now;
}

/** The system Owner role: never assignable by invitation. */
export const isOwnerRole = (role: ProjectRole): boolean => role.projectId === null && role.name === 'Owner';
/** The system Member role: what invitees get when the request names no role. */
export const isDefaultRole = (role: ProjectRole): boolean => role.projectId === null && role.name === 'Member';

/**
 * Reads a JSON body the way an Express `json()` parser does. assumption: a body sent without
 * `Content-Type: application/json` is not parsed and reads as `{}` (so the request fails on `emails`).
 */
async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) return {};
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
const INVALID_JSON = Symbol('invalid JSON');

/** Invitation ids are integers [cai:/api-reference/projects/invitations/resend-project-invitation]. */
function invitationId(raw: string | readonly string[] | undefined): number | undefined {
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export function createConfidentAiHandlers(context: ConfidentAiHandlerContext): HttpHandler[] {
  const { store, scenario, keys, projectKeys, now } = context;

  function checkKey(request: Request): Response | undefined {
    const key = request.headers.get(CONFIDENT_AI_KEY_HEADER)?.trim();
    if (!key) return fail(401, confidentAiMessages.missingKey);
    // Org keys administer; project keys only hold project data [cai:/api-reference/authentication].
    // assumption: a known project key gets 403 (authenticated, not permitted), not 401.
    if (projectKeys?.includes(key)) return fail(403, confidentAiMessages.projectKey);
    if (keys && !keys.includes(key)) return fail(401, confidentAiMessages.invalidKey);
    return undefined;
  }

  /** Fault, then API key, then project (404): what every endpoint checks first. */
  async function admit(request: Request, projectId: string | readonly string[] | undefined): Promise<Response | Project> {
    const fault = await scenario.next(VENDOR);
    if (fault) return (await networkFaultResponse(fault)) ?? faultResponse(fault);
    const denied = checkKey(request);
    if (denied) return denied;
    const project = typeof projectId === 'string' ? store.project(projectId) : undefined;
    return project ?? fail(404, confidentAiMessages.projectNotFound);
  }

  const invitationsPath = '*/v1/projects/:projectId/invitations';
  const invitationPath = '*/v1/projects/:projectId/invitations/:invitationId';

  return [
    http.post(invitationsPath, async ({ request, params }) => {
      const project = await admit(request, params.projectId);
      if (project instanceof Response) return project;
      const body = await readJson(request);
      if (body === INVALID_JSON) return fail(400, confidentAiMessages.invalidJson);
      const parsed = parseCreateInvitationsBody(body);
      if (!parsed.ok) return fail(400, parsed.error);

      const roles = store.rolesOf(project.id);
      // Without projectRoleId invitees get Member, the UI's default [cai:/settings/project/team-members].
      const role = parsed.data.projectRoleId
        ? roles.find((r) => r.id === parsed.data.projectRoleId)
        : roles.find(isDefaultRole);
      // assumption: an id that is not one of the project's roles is a 400 (bad parameter), not a 404.
      if (!role) return fail(400, confidentAiMessages.roleNotFound);
      if (isOwnerRole(role)) return fail(400, confidentAiMessages.ownerRole);
      // assumption: 403 (the key is fine, the plan is not); the doc gives no status.
      if (!mayInvite(store.organization(), now())) return fail(403, confidentAiMessages.freePlan);

      const created: ProjectInvitation[] = [];
      const seen = new Set<string>();
      for (const raw of parsed.data.emails) {
        const email = raw.trim().toLowerCase();
        // "Emails that are already members or already invited are skipped" [003]; repeats likewise.
        if (seen.has(email)) continue;
        seen.add(email);
        if (store.isMember(project.id, email)) continue;
        const existing = store.invitationFor(project.id, email);
        if (existing?.status === 'PENDING') continue;
        // assumption: the API has no per-address refusal, so in the `partial` scenario a refused address
        // is skipped as if it were already a member: absent from the response, no invitation stored.
        if (scenario.refuses(email)) continue;
        // assumption: a declined invitation does not block a new one; it is replaced (new id, PENDING).
        if (existing) store.deleteInvitation(project.id, existing.id);
        created.push(store.createInvitation(project.id, email, role.id));
      }
      return succeed({ invitations: created.map(invitationBody) });
    }),

    // "Lists the project's pending and declined invitations."
    http.get(invitationsPath, async ({ request, params }) => {
      const project = await admit(request, params.projectId);
      if (project instanceof Response) return project;
      return succeed({ invitations: store.invitationsOf(project.id).map(invitationBody) });
    }),

    // "Resends a pending project invitation email to the invitee."
    http.put(invitationPath, async ({ request, params }) => {
      const project = await admit(request, params.projectId);
      if (project instanceof Response) return project;
      const id = invitationId(params.invitationId);
      // assumption: a non-integer id is a bad parameter (400); an unknown one is 404.
      if (id === undefined) return fail(400, confidentAiMessages.invalidInvitationId);
      const invitation = store.invitation(project.id, id);
      if (!invitation) return fail(404, confidentAiMessages.invitationNotFound);
      // assumption: a declined invitation cannot be resent (the doc says "pending"); invite the address again.
      if (invitation.status !== 'PENDING') return fail(400, confidentAiMessages.notPending);
      // assumption: a resend keeps the invitation's id and created_at.
      store.markResent(invitation);
      return succeed({ invitation: invitationBody(invitation) });
    }),

    // "Revokes a pending project invitation." assumption: a declined one can be revoked too (both are listed).
    http.delete(invitationPath, async ({ request, params }) => {
      const project = await admit(request, params.projectId);
      if (project instanceof Response) return project;
      const id = invitationId(params.invitationId);
      if (id === undefined) return fail(400, confidentAiMessages.invalidInvitationId);
      if (!store.deleteInvitation(project.id, id)) return fail(404, confidentAiMessages.invitationNotFound);
      return succeed({ id, deleted: true });
    }),

    // List Project Roles [cai:/api-reference/projects/roles/list-project-roles]: system roles + the project's own.
    http.get('*/v1/projects/:projectId/roles', async ({ request, params }) => {
      const project = await admit(request, params.projectId);
      if (project instanceof Response) return project;
      return succeed({ roles: store.rolesOf(project.id).map(roleBody) });
    }),
  ];
}
