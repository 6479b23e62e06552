/**
 * Confident AI's side of the world, in memory: one organization, its projects, project roles, members and
 * project invitations, with ids and timestamps in the vendor's formats (cuid-like project/user ids,
 * integer invitation ids, ISO 8601 timestamps with milliseconds and `Z`).
 */
import { keyOf, Lookup } from '../lookup.ts';

/** Plans as the pricing page names them; only `free` matters here (no invitations past the trial). */
export type Plan = 'free' | 'starter' | 'premium' | 'enterprise';

export interface Organization {
  id: string;
  name: string;
  plan: Plan;
  /** End of the trial, ISO 8601; a Free organization may invite until then. Null: no trial. */
  trialEndsAt: string | null;
}

export interface Project {
  /** cuid-like, e.g. `clq9z3x1k0001la08f7t3g5p2`. */
  id: string;
  name: string;
  organizationId: string;
}

export interface Policy {
  id: string;
  name: string;
}

/** As `GET /v1/projects/:projectId/roles` returns it: system roles have `projectId: null`. */
export interface ProjectRole {
  id: string;
  name: string;
  description: string;
  projectId: string | null;
  policies: Policy[];
}

export interface ProjectMember {
  userId: string;
  /** Lower-cased. */
  email: string;
  name: string;
  projectId: string;
  projectRoleId: string;
  joinedAt: string;
}

/** The list endpoint returns "pending and declined" invitations; an accepted one becomes a member. */
export type InvitationStatus = 'PENDING' | 'DECLINED';

/** Field names as the API spells them (`created_at` next to `projectRoleId`). */
export interface ProjectInvitation {
  id: number;
  projectId: string;
  /** Lower-cased. */
  email: string;
  status: InvitationStatus;
  created_at: string;
  projectRoleId: string;
  /** When the email last went out (creation or resend); not part of any response. */
  lastSentAt: string;
}

/** Everything the store holds; also the shape of a fixture and of `state()`. */
export interface ConfidentAiState {
  organization: Organization;
  projects: Project[];
  roles: ProjectRole[];
  members: ProjectMember[];
  invitations: ProjectInvitation[];
  /** Next invitation id (integers counting up). */
  nextInvitationId: number;
}

export interface ConfidentAiStore {
  /** A JSON-serialisable deep copy. */
  state(): ConfidentAiState;
  /** Back to the fixture the store was created with. */
  reset(): void;
  organization(): Organization;
  project(projectId: string): Project | undefined;
  /** System roles plus the project's custom roles, in fixture order. */
  rolesOf(projectId: string): ProjectRole[];
  isMember(projectId: string, email: string): boolean;
  /** The project's invitation for this address (pending or declined), if any. */
  invitationFor(projectId: string, email: string): ProjectInvitation | undefined;
  invitationsOf(projectId: string): ProjectInvitation[];
  invitation(projectId: string, id: number): ProjectInvitation | undefined;
  createInvitation(projectId: string, email: string, projectRoleId: string): ProjectInvitation;
  markResent(invitation: ProjectInvitation): void;
  deleteInvitation(projectId: string, id: number): boolean;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The invitations, in order, with a lookup table per question a request asks; all O(1) to add and to
 * remove (a revoke, a declined invitation replaced), where the array they replace was filtered whole.
 */
function invitationTables(invitations: readonly ProjectInvitation[]) {
  const tables = {
    /** Every invitation in creation order: the `invitations` array of `state()`. */
    all: new Set<ProjectInvitation>(),
    byProject: new Lookup<ProjectInvitation>(),
    byAddress: new Lookup<ProjectInvitation>(),
    byId: new Lookup<ProjectInvitation>(),
    add(invitation: ProjectInvitation): void {
      tables.all.add(invitation);
      tables.byProject.add(invitation.projectId, invitation);
      tables.byAddress.add(keyOf(invitation.projectId, invitation.email.toLowerCase()), invitation);
      tables.byId.add(keyOf(invitation.projectId, invitation.id), invitation);
    },
    remove(invitation: ProjectInvitation): void {
      tables.all.delete(invitation);
      tables.byProject.remove(invitation.projectId, invitation);
      tables.byAddress.remove(keyOf(invitation.projectId, invitation.email.toLowerCase()), invitation);
      tables.byId.remove(keyOf(invitation.projectId, invitation.id), invitation);
    },
  };
  for (const invitation of invitations) tables.add(invitation);
  return tables;
}

function load(fixture: ConfidentAiState) {
  const { invitations, ...data } = copy(fixture);
  return {
    data,
    projects: new Lookup(data.projects, (p) => p.id),
    members: new Lookup(data.members, (m) => keyOf(m.projectId, m.email.toLowerCase())),
    invitations: invitationTables(invitations),
  };
}

export function createConfidentAiStore(fixture: ConfidentAiState, now: () => number = Date.now): ConfidentAiStore {
  let world = load(fixture);
  const iso = () => new Date(now()).toISOString();

  return {
    state() {
      const { organization, projects, roles, members, nextInvitationId } = world.data;
      return copy({ organization, projects, roles, members, invitations: [...world.invitations.all], nextInvitationId });
    },
    reset() {
      world = load(fixture);
    },
    organization: () => world.data.organization,
    project: (projectId) => world.projects.first(projectId),
    rolesOf: (projectId) => world.data.roles.filter((r) => r.projectId === null || r.projectId === projectId),
    isMember: (projectId, email) => world.members.has(keyOf(projectId, email.toLowerCase())),
    invitationFor: (projectId, email) => world.invitations.byAddress.first(keyOf(projectId, email.toLowerCase())),
    invitationsOf: (projectId) => world.invitations.byProject.all(projectId),
    invitation: (projectId, id) => world.invitations.byId.first(keyOf(projectId, id)),
    createInvitation(projectId, email, projectRoleId) {
      const at = iso();
      const invitation: ProjectInvitation = {
        id: world.data.nextInvitationId++,
        projectId,
        email: email.toLowerCase(),
        status: 'PENDING',
        created_at: at,
        projectRoleId,
        lastSentAt: at,
      };
      world.invitations.add(invitation);
      return invitation;
    },
    markResent(invitation) {
      invitation.lastSentAt = iso();
    },
    deleteInvitation(projectId, id) {
      const matching = world.invitations.byId.all(keyOf(projectId, id));
      for (const invitation of matching) world.invitations.remove(invitation);
      return matching.length > 0;
    },
  };
}
