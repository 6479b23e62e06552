/**
 * The default Diga world: one project whose API key any credential selects, an admin (the key's
 * maker, so the `inviter_name`), a member, a registered user who is not in the project yet, and a
 * pending invitation. Timestamps are relative to the store's clock so the invitation is always live.
 */
import { digaTimestamp, INVITATION_LIFETIME_MS, type DigaState } from './store.ts';

/** The fixture's keys, for tests and demos. All values are fictional. */
export const DIGA_FIXTURE = {
  projectId: '7d1f3c2a-5b8e-4f60-9a1d-2c3b4e5f6a7b',
  projectName: 'Acme Support Line',
  /** `inviter_name` of invitations made with the project's key. */
  inviterName: 'Ana Ortega',
  admin: { profileId: '0b6c9e1a-2d3f-4a5b-8c7d-9e0f1a2b3c4d', email: 'ana@acme.example' },
  member: { profileId: '1c7d0f2b-3e4a-4b6c-9d8e-0f1a2b3c4d5e', email: 'ben@acme.example' },
  /** Has a Diga account but is not in the project: invitations to it come back `registered: true`. */
  registered: { profileId: '2d8e1a3c-4f5b-4c7d-8e9f-1a2b3c4d5e6f', email: 'carla@example.org' },
  /** Invited a day ago as `reader`, still pending. */
  pending: { invitationId: '3e9f2b4d-5a6c-4d8e-9f0a-2b3c4d5e6f7a', email: 'dan@acme.example' },
} as const;

export function digaFixture(now: Date): DigaState {
  const f = DIGA_FIXTURE;
  const invitedAt = new Date(now.getTime() - 86_400_000);
  return {
    projects: [{ id: f.projectId, name: f.projectName, owner_profile_id: f.admin.profileId }],
    profiles: [
      { id: f.admin.profileId, email: f.admin.email, name: f.inviterName },
      { id: f.member.profileId, email: f.member.email, name: 'Ben Okafor' },
      { id: f.registered.profileId, email: f.registered.email, name: 'Carla Díaz' },
    ],
    members: [
      { project_id: f.projectId, profile_id: f.admin.profileId, role: 'admin' },
      { project_id: f.projectId, profile_id: f.member.profileId, role: 'member' },
    ],
    invitations: [
      {
        id: f.pending.invitationId,
        invited_email: f.pending.email,
        inviter_name: f.inviterName,
        project_id: f.projectId,
        project_name: f.projectName,
        created_at: digaTimestamp(invitedAt),
        registered: false,
        invited_profile_id: null,
        expires_at: digaTimestamp(new Date(invitedAt.getTime() + INVITATION_LIFETIME_MS)),
        role: 'reader',
      },
    ],
  };
}
