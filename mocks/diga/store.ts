/**
 * Diga's side of the world, in memory: projects, registered profiles, project members and invitations,
 * with Diga's id (uuid v4) and timestamp (`2023-11-07T05:31:56Z`) formats. Seeded from a fixture and reset
 * back to it.
 */
import { keyOf, Lookup } from '../lookup.ts';
import type { AppRole, InvitationResponse } from './schemas.ts';

export interface DigaProject {
  id: string;
  name: string;
  /** The profile that made the project's API key: its name is the `inviter_name` of key-made invitations. */
  owner_profile_id: string;
}

/** A registered Diga user (an address Diga knows). */
export interface DigaProfile {
  id: string;
  email: string;
  name: string;
}

export interface DigaMember {
  project_id: string;
  profile_id: string;
  role: AppRole;
}

/** Stored exactly as the API returns it (`InvitationResponseSchema`). */
export type DigaInvitation = InvitationResponse;

export interface DigaState {
  projects: DigaProject[];
  profiles: DigaProfile[];
  members: DigaMember[];
  invitations: DigaInvitation[];
}

/** What Diga thinks of inviting an address to a project right now. */
export type InviteCheck =
  | { kind: 'invalid' }
  | { kind: 'member' }
  | { kind: 'pending'; invitation: DigaInvitation }
  | { kind: 'new'; profile: DigaProfile | undefined };

export interface DigaStore {
  state(): DigaState;
  reset(): void;
  project(id: string): DigaProject | undefined;
  inviterName(project: DigaProject): string | null;
  check(project: DigaProject, email: string): InviteCheck;
  createInvitation(project: DigaProject, email: string, role: AppRole, inviterName: string | null): DigaInvitation;
  invitation(projectId: string, invitationId: string): DigaInvitation | undefined;
  setRole(invitation: DigaInvitation, role: AppRole): DigaInvitation;
}

const DAY_MS = 86_400_000;
// assumption: invitations last 7 days (the docs give no lifetime).
export const INVITATION_LIFETIME_MS = 7 * DAY_MS;

/** Diga's timestamp format, as in its sample body: seconds precision, `Z`. */
export function digaTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// assumption: Diga's address rule is not published; this one is a common server-side rule (dot-atom
// local part, a domain of at least two LDH labels), so "invalid@email" (the doc's example) is refused.
const addressRule =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isValidAddress(email: string): boolean {
  return email.length <= 254 && addressRule.test(email);
}

// assumption: addresses are compared trimmed and case-insensitively, and stored lower-cased.
export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

/** The store's lookup tables: each answers one question a request asks per address without a scan. */
function indexDiga(data: DigaState) {
  return {
    projects: new Lookup(data.projects, (p) => p.id),
    profilesByEmail: new Lookup(data.profiles, (p) => p.email),
    profilesById: new Lookup(data.profiles, (p) => p.id),
    members: new Lookup(data.members, (m) => keyOf(m.project_id, m.profile_id)),
    /** Per project and address, every invitation, oldest first (expired ones included). */
    invitationsByAddress: new Lookup(data.invitations, (i) => keyOf(i.project_id, i.invited_email)),
    invitationsById: new Lookup(data.invitations, (i) => keyOf(i.project_id, i.id)),
  };
}

export function createDigaStore(fixture: (now: Date) => DigaState, now: () => Date = () => new Date()): DigaStore {
  let data = fixture(now());
  let index = indexDiga(data);
  const profileByEmail = (email: string) => index.profilesByEmail.first(email);

  return {
    state: () => structuredClone(data),
    reset() {
      data = fixture(now());
      index = indexDiga(data);
    },
    project: (id) => index.projects.first(id),
    // assumption: an API-key call is made "by" the profile that made the key (the project owner here).
    inviterName: (project) => index.profilesById.first(project.owner_profile_id)?.name ?? null,
    check(project, email) {
      const address = normaliseAddress(email);
      if (!isValidAddress(address)) return { kind: 'invalid' };
      const profile = profileByEmail(address);
      if (profile && index.members.has(keyOf(project.id, profile.id))) return { kind: 'member' };
      // assumption: an expired invitation no longer blocks a new one.
      const at = now().getTime();
      let pending: DigaInvitation | undefined;
      for (const invitation of index.invitationsByAddress.all(keyOf(project.id, address))) {
        if (Date.parse(invitation.expires_at) > at) {
          pending = invitation;
          break;
        }
      }
      return pending ? { kind: 'pending', invitation: { ...pending } } : { kind: 'new', profile };
    },
    createInvitation(project, email, role, inviterName) {
      const address = normaliseAddress(email);
      const profile = profileByEmail(address);
      const created = now();
      const invitation: DigaInvitation = {
        id: crypto.randomUUID(),
        invited_email: address,
        inviter_name: inviterName,
        project_id: project.id,
        project_name: project.name,
        created_at: digaTimestamp(created),
        registered: profile !== undefined,
        invited_profile_id: profile?.id ?? null,
        expires_at: digaTimestamp(new Date(created.getTime() + INVITATION_LIFETIME_MS)),
        role,
      };
      data.invitations.push(invitation);
      index.invitationsByAddress.add(keyOf(invitation.project_id, invitation.invited_email), invitation);
      index.invitationsById.add(keyOf(invitation.project_id, invitation.id), invitation);
      return { ...invitation };
    },
    invitation: (projectId, invitationId) => index.invitationsById.first(keyOf(projectId, invitationId.toLowerCase())),
    setRole(invitation, role) {
      invitation.role = role;
      return { ...invitation };
    },
  };
}
