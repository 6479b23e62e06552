/**
 * Confident AI's side of the world, in memory: one organization, its projects, project roles, members and
 * project invitations, with ids and timestamps in the vendor's formats (cuid-like project/user ids,
 * integer invitation ids, ISO 8601 timestamps with milliseconds and `Z`).
 */

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

export function createConfidentAiStore(fixture: ConfidentAiState, now: () => number = Date.now): ConfidentAiStore {
  let data = copy(fixture);
  const iso = () => new Date(now()).toISOString();
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  return {
    state: () => copy(data),
    reset() {
      data = copy(fixture);
    },
    organization: () => data.organization,
    project: (projectId) => data.projects.find((p) => p.id === projectId),
    rolesOf: (projectId) => data.roles.filter((r) => r.projectId === null || r.projectId === projectId),
    isMember: (projectId, email) => data.members.some((m) => m.projectId === projectId && same(m.email, email)),
    invitationFor: (projectId, email) =>
      data.invitations.find((i) => i.projectId === projectId && same(i.email, email)),
    invitationsOf: (projectId) => data.invitations.filter((i) => i.projectId === projectId),
    invitation: (projectId, id) => data.invitations.find((i) => i.projectId === projectId && i.id === id),
    createInvitation(projectId, email, projectRoleId) {
      const at = iso();
      const invitation: ProjectInvitation = {
        id: data.nextInvitationId++,
        projectId,
        email: email.toLowerCase(),
        status: 'PENDING',
        created_at: at,
        projectRoleId,
        lastSentAt: at,
      };
      data.invitations.push(invitation);
      return invitation;
    },
    markResent(invitation) {
      invitation.lastSentAt = iso();
    },
    deleteInvitation(projectId, id) {
      const before = data.invitations.length;
      data.invitations = data.invitations.filter((i) => !(i.projectId === projectId && i.id === id));
      return data.invitations.length < before;
    },
  };
}
