/**
 * The default Confident AI world. Ids are the docs' own placeholders where the docs show one, so every
 * curl example on the Projects > Invitations / Roles pages works against the mock unchanged but for the
 * host: the project `projectId`, the role `project-role-uuid-2`, invitation `1`.
 *
 * | what | id | notes |
 * |---|---|---|
 * | organization | `clq7a2b3c0000la08org00001` | plan `premium` (inviting allowed) |
 * | project | `projectId` | the docs' curl placeholder; members alice (Owner), bob (Member) |
 * | project | `clq9z3x1k0001la08f7t3g5p2` | the Admin SDK page's example id; member alice (Owner) |
 * | role Owner | `project-role-uuid-1` | system role; cannot be assigned (400) |
 * | role Member | `project-role-uuid-2` | system role; the default when a request names none |
 * | role Analyst | `project-role-uuid-3` | custom role of project `projectId` |
 * | invitation 1 | erin@example.com | PENDING, project `projectId`, Member |
 * | invitation 2 | frank@example.com | DECLINED, project `projectId`, Analyst |
 * | invitation 3 | grace@example.com | PENDING, project `clq9z3x1k0001la08f7t3g5p2`, Member |
 *
 * New invitations count up from 201, the id in the Create Project Invitations example response.
 */
import type { ConfidentAiState } from './store.ts';

export const CONFIDENT_AI_DOCS_PROJECT_ID = 'projectId';
export const CONFIDENT_AI_SDK_PROJECT_ID = 'clq9z3x1k0001la08f7t3g5p2';

/** The fixture's role ids (the docs' placeholders). */
export const confidentAiRoleIds = {
  owner: 'project-role-uuid-1',
  member: 'project-role-uuid-2',
  analyst: 'project-role-uuid-3',
} as const;

/**
 * Keys to restrict the mock with: `createConfidentAiMock({ keys: [organization], projectKeys: [project] })`.
 * Without `keys` any non-empty credential counts as an organization key.
 */
export const confidentAiFixtureKeys = {
  organization: 'confident_org_key_demo_0001',
  project: 'confident_project_key_demo_0001',
} as const;

const ORG_ID = 'clq7a2b3c0000la08org00001';
const CREATED = '2024-12-01T09:30:00.000Z';

export const confidentAiFixture: ConfidentAiState = {
  organization: { id: ORG_ID, name: 'Acme AI', plan: 'premium', trialEndsAt: null },
  projects: [
    { id: CONFIDENT_AI_DOCS_PROJECT_ID, name: 'Docs example project', organizationId: ORG_ID },
    { id: CONFIDENT_AI_SDK_PROJECT_ID, name: 'Support bot evals', organizationId: ORG_ID },
  ],
  roles: [
    {
      id: confidentAiRoleIds.owner,
      name: 'Owner',
      description: 'Owner of the project with full access to all resources.',
      projectId: null,
      policies: [],
    },
    // assumption: the docs show only Owner and a custom role; Member is the UI's default role (Team Members page).
    {
      id: confidentAiRoleIds.member,
      name: 'Member',
      description: 'Default role for invited project members.',
      projectId: null,
      policies: [],
    },
    {
      id: confidentAiRoleIds.analyst,
      name: 'Analyst',
      description: 'Read-only project access',
      projectId: CONFIDENT_AI_DOCS_PROJECT_ID,
      policies: [{ id: 'policy-uuid-1', name: 'View traces' }],
    },
  ],
  members: [
    {
      userId: 'clq8n3p9k0002la09a1b7c4d2',
      email: 'alice@example.com',
      name: 'Alice Owner',
      projectId: CONFIDENT_AI_DOCS_PROJECT_ID,
      projectRoleId: confidentAiRoleIds.owner,
      joinedAt: CREATED,
    },
    {
      userId: 'clq8n3p9k0003la09b2c8d5e3',
      email: 'bob@example.com',
      name: 'Bob Member',
      projectId: CONFIDENT_AI_DOCS_PROJECT_ID,
      projectRoleId: confidentAiRoleIds.member,
      joinedAt: CREATED,
    },
    {
      userId: 'clq8n3p9k0002la09a1b7c4d2',
      email: 'alice@example.com',
      name: 'Alice Owner',
      projectId: CONFIDENT_AI_SDK_PROJECT_ID,
      projectRoleId: confidentAiRoleIds.owner,
      joinedAt: CREATED,
    },
  ],
  invitations: [
    {
      id: 1,
      projectId: CONFIDENT_AI_DOCS_PROJECT_ID,
      email: 'erin@example.com',
      status: 'PENDING',
      created_at: '2024-12-02T10:00:00.000Z',
      projectRoleId: confidentAiRoleIds.member,
      lastSentAt: '2024-12-02T10:00:00.000Z',
    },
    {
      id: 2,
      projectId: CONFIDENT_AI_DOCS_PROJECT_ID,
      email: 'frank@example.com',
      status: 'DECLINED',
      created_at: '2024-12-02T10:05:00.000Z',
      projectRoleId: confidentAiRoleIds.analyst,
      lastSentAt: '2024-12-02T10:05:00.000Z',
    },
    {
      id: 3,
      projectId: CONFIDENT_AI_SDK_PROJECT_ID,
      email: 'grace@example.com',
      status: 'PENDING',
      created_at: '2024-12-03T08:00:00.000Z',
      projectRoleId: confidentAiRoleIds.member,
      lastSentAt: '2024-12-03T08:00:00.000Z',
    },
  ],
  nextInvitationId: 201,
};
