/**
 * How a host configures the kit for each vendor: the adapter (pointed at the host's own proxy path, which
 * the demo's mock answers), the vendor's own choices (Wix's roles as policies, AthenaHQ's websites or
 * groups and invite method, Confident AI's project), the roles a row may have, a members lookup and, where
 * the vendor has one, "Resend". Ids come from the mocks' fixtures (`bulk-invite mock` prints the same).
 */
import { createAthenaAdapter, createConfidentAiAdapter, createDigaAdapter, createWixAdapter, type ExistingEntry } from '../src/index.ts';
import type { BulkInviteConfig, TargetChoice, TargetField } from '../src/react/index.ts';
import { ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS, athenaFixture } from '../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, confidentAiFixture, confidentAiFixtureKeys, confidentAiRoleIds } from '../mocks/confident-ai/index.ts';
import { DIGA_FIXTURE } from '../mocks/diga/index.ts';
import { WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_PENDING_EMAIL, WIX_FIXTURE_SITE_ID, wixFixture } from '../mocks/wix/index.ts';
import type { DemoMock, VendorId } from './mock.ts';
import type { Language } from './words.ts';

export const VENDORS: ReadonlyArray<{ id: VendorId; label: string }> = [
  { id: 'diga', label: 'Diga' },
  { id: 'wix', label: 'Wix' },
  { id: 'confident-ai', label: 'Confident AI' },
  { id: 'athenahq', label: 'AthenaHQ' },
];

/**
 * Where the host's backend forwards each vendor's calls, adding the key server-side (no vendor key is safe
 * in a browser). In the demo msw's service worker answers these paths with the vendor mocks.
 */
export const PROXY_BASE_URL: Record<VendorId, string> = {
  diga: '/api/diga',
  wix: '/api/wix',
  'confident-ai': '/api/confident-ai',
  athenahq: '/api/athenahq',
};

/**
 * The credential the adapters send. A real host leaves `apiKey` out and lets its proxy add the key; the
 * mocks want some credential, so the demo sends the fixtures' demo keys (any non-empty key is accepted).
 */
const DEMO_KEY: Record<VendorId, string> = {
  diga: 'demo-diga-key',
  wix: 'demo-wix-key',
  'confident-ai': confidentAiFixtureKeys.organization,
  athenahq: ATHENA_DEMO_KEYS.global,
};

/**
 * Small batches, so a list of twenty shows its progress and meets each scenario (a rate limit after two
 * requests, a key that expires after two). A host keeps the adapters' defaults.
 */
const DEMO_BATCH_SIZE = 5;

export interface VendorSetup {
  /** What the host calls the place people are invited to (the page's subtitle). */
  workspace: string;
  config: BulkInviteConfig;
}

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const many = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);

/** Labels for the vendors' own choices, in the page's language. */
const LABELS = {
  en: {
    wixRoles: 'Site roles',
    project: 'Project',
    inviteMethod: 'How to add people',
    byEmail: 'Send an invitation email',
    direct: 'Add them directly (no email)',
    websites: 'Websites',
    groups: 'Groups (instead of websites)',
  },
  de: {
    wixRoles: 'Rollen auf der Website',
    project: 'Projekt',
    inviteMethod: 'Wie Personen hinzukommen',
    byEmail: 'Einladung per E-Mail senden',
    direct: 'Direkt hinzufügen (ohne E-Mail)',
    websites: 'Websites',
    groups: 'Gruppen (statt Websites)',
  },
} as const;

/** The kit's setup for `vendor`: what a host passes to `BulkInviteProvider`. */
export function vendorSetup(vendor: VendorId, language: Language, mock: DemoMock): VendorSetup {
  const label = LABELS[language];
  const baseUrl = PROXY_BASE_URL[vendor];
  const apiKey = DEMO_KEY[vendor];
  // The host's own members list: the kit marks these rows "Member" / "Pending invitation" and leaves them out.
  const checkExisting = async (emails: string[]): Promise<ExistingEntry[]> => {
    const wanted = new Set(emails.map((email) => email.toLowerCase()));
    return mock
      .members(vendor)
      .filter((row) => (row.status === 'member' || row.status === 'invited') && wanted.has(row.email.toLowerCase()))
      .map((row) => ({ email: row.email, status: row.status === 'member' ? 'member' : 'invited' }));
  };

  switch (vendor) {
    case 'diga':
      return {
        workspace: DIGA_FIXTURE.projectName,
        config: {
          adapter: createDigaAdapter({ baseUrl, apiKey, maxBatchSize: DEMO_BATCH_SIZE }),
          roles: ['admin', 'member', 'reader'],
          defaultRole: 'member',
          checkExisting,
        },
      };

    case 'wix': {
      const site = wixFixture.sites.find((s) => s.id === WIX_FIXTURE_SITE_ID)!;
      const policies: TargetField = {
        name: 'policyIds',
        label: label.wixRoles,
        multiple: true,
        required: true,
        options: site.policies.map((p) => ({ value: p.id, label: p.name })),
        defaultValue: [WIX_FIXTURE_DESIGNER_POLICY_ID],
      };
      const wix = (choice: TargetChoice) =>
        createWixAdapter({ baseUrl, apiKey, siteId: site.id, policyIds: many(choice.policyIds), defaultRole: 'contributor', maxBatchSize: DEMO_BATCH_SIZE });
      // Wix can send a pending invite's email again: the review offers "Resend" on those rows.
      const resendAdapter = wix({ policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID] });
      return {
        workspace: site.displayName,
        config: {
          adapter: wix,
          targets: [policies],
          // The policies chosen above are everyone's roles: no role per row (an empty list hides the pickers).
          roles: [],
          checkExisting,
          resend: async (email, signal) => {
            const invite = mock.pendingWixInvite(email);
            if (!invite) throw new Error(`${email} has no pending invite on ${site.displayName}.`);
            await resendAdapter.resendInvite(invite, { signal });
          },
        },
      };
    }

    case 'confident-ai': {
      const project: TargetField = {
        name: 'projectId',
        label: label.project,
        required: true,
        options: confidentAiFixture.projects.map((p) => ({ value: p.id, label: p.name })),
        defaultValue: CONFIDENT_AI_DOCS_PROJECT_ID,
      };
      return {
        workspace: confidentAiFixture.organization.name,
        config: {
          // Role names the dialog offers → the project role ids Confident AI takes (`GET /v1/projects/{id}/roles`).
          adapter: (choice) =>
            createConfidentAiAdapter({
              baseUrl,
              apiKey,
              projectId: one(choice.projectId) || CONFIDENT_AI_DOCS_PROJECT_ID,
              roles: { Member: confidentAiRoleIds.member, Analyst: confidentAiRoleIds.analyst },
              maxBatchSize: DEMO_BATCH_SIZE,
            }),
          targets: [project],
          roles: ['Member', 'Analyst'],
          defaultRole: 'Member',
          checkExisting,
        },
      };
    }

    case 'athenahq': {
      const ids = ATHENA_FIXTURE_IDS;
      const targets: TargetField[] = [
        {
          name: 'inviteMethod',
          label: label.inviteMethod,
          required: true,
          options: [
            { value: 'email', label: label.byEmail },
            { value: 'direct', label: label.direct },
          ],
          defaultValue: 'email',
        },
        {
          name: 'websiteIds',
          label: label.websites,
          multiple: true,
          options: athenaFixture.websites.map((w) => ({ value: w.id, label: `${w.name} (${w.domain})` })),
          defaultValue: [ids.siteExample],
        },
        {
          name: 'groupIds',
          label: label.groups,
          multiple: true,
          options: athenaFixture.groups.map((g) => ({ value: g.id, label: g.name })),
          defaultValue: [],
        },
      ];
      return {
        workspace: athenaFixture.organization.name,
        config: {
          // AthenaHQ invites to websites or to groups: groups when any is chosen, else the websites.
          adapter: (choice) => {
            const groupIds = many(choice.groupIds);
            return createAthenaAdapter({
              baseUrl,
              apiKey,
              inviteMethod: one(choice.inviteMethod) === 'direct' ? 'direct' : 'email',
              ...(groupIds.length > 0 ? { groupIds } : { websiteIds: many(choice.websiteIds) }),
            });
          },
          targets,
          roles: ['admin', 'viewer'],
          defaultRole: 'viewer',
          checkExisting,
        },
      };
    }
  }
}

/** Addresses the vendor's fixture already holds: a member and a pending invitation, to paste with the rest. */
export const KNOWN_PEOPLE: Record<VendorId, { member: string; pending: string }> = {
  diga: { member: `Ben Okafor <${DIGA_FIXTURE.member.email}>`, pending: DIGA_FIXTURE.pending.email },
  wix: { member: `Dana Cohen <dana.cohen@example.com>`, pending: WIX_FIXTURE_PENDING_EMAIL },
  'confident-ai': { member: 'Bob Member <bob@example.com>', pending: 'erin@example.com' },
  athenahq: { member: 'Mia Member <member@example.com>', pending: 'pending@example.com' },
};
