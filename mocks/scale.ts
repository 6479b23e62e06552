/**
 * The mocks at scale: fill a vendor's store with many invitations, and the one request that is timed
 * against it, per vendor. Shared by the scale benchmark (bench/mock-scale.ts, over real HTTP) and its
 * test (mocks/scale.test.ts, in this process).
 *
 * The fill calls each store's own create method (the one its handler calls), so the lookup tables are
 * kept up by the same code as in a real run, without the cost of 200,000 requests' worth of HTTP
 * (AthenaHQ takes one invitee per request).
 */
import { ATHENA_FIXTURE_IDS } from './athenahq/fixtures.ts';
import { CONFIDENT_AI_KEY_HEADER } from './confident-ai/handlers.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, confidentAiRoleIds } from './confident-ai/fixtures.ts';
import { DIGA_FIXTURE } from './diga/fixtures.ts';
import type { MockBackend } from './index.ts';
import type { VendorMock } from './types.ts';
import { WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from './wix/fixtures.ts';

const KEY = 'scale-key';

export interface ScaleVendor {
  readonly name: 'diga' | 'wix' | 'confident-ai' | 'athenahq';
  /** Addresses the timed request carries: 50, or 1 for AthenaHQ (one invitee per request, its API). */
  readonly addressesPerRequest: number;
  /** The vendor's part of the backend. */
  mock(backend: MockBackend): VendorMock;
  /** The vendor's bulk invite request for these addresses, at `baseUrl`. */
  request(baseUrl: string, emails: readonly string[]): Request;
  /** How many invitations a 2xx answer to `request` says were made (to tell real work from refusals). */
  invited(body: unknown): number;
  /** Stores one new invitation per address (addresses the store does not hold yet). */
  fill(backend: MockBackend, emails: readonly string[]): void;
  /** Invitations the store holds now (O(n): it reads `state()`). */
  held(backend: MockBackend): number;
}

const post = (url: string, headers: Record<string, string>, body: unknown): Request =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const lengthAt = (body: unknown, read: (body: any) => unknown): number => {
  const list = read(body);
  return Array.isArray(list) ? list.length : 0;
};

export const SCALE_VENDORS: readonly ScaleVendor[] = [
  {
    name: 'diga',
    mock: (backend) => backend.vendors.diga,
    addressesPerRequest: 50,
    request: (baseUrl, emails) =>
      post(`${baseUrl}/v1/project/invitation/send/bulk`, { authorization: `Bearer ${KEY}` }, { invitations: emails.map((email) => ({ email, role: 'member' })) }),
    invited: (body) => lengthAt(body, (b) => b?.successful),
    fill(backend, emails) {
      const { store } = backend.vendors.diga;
      const project = store.project(DIGA_FIXTURE.projectId)!;
      const inviter = store.inviterName(project);
      for (const email of emails) store.createInvitation(project, email, 'member', inviter);
    },
    held: (backend) => backend.vendors.diga.state().invitations.length,
  },
  {
    name: 'wix',
    mock: (backend) => backend.vendors.wix,
    addressesPerRequest: 50,
    request: (baseUrl, emails) =>
      post(`${baseUrl}/invites/site-invite/bulk`, { authorization: KEY, 'wix-site-id': WIX_FIXTURE_SITE_ID }, { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails }),
    invited: (body) => lengthAt(body, (b) => b?.invites),
    fill(backend, emails) {
      const { store } = backend.vendors.wix;
      const site = store.site(WIX_FIXTURE_SITE_ID)!;
      // In request-sized slices: bulkInvite copies what it answers, and the answer is dropped.
      for (let i = 0; i < emails.length; i += 1_000) {
        store.bulkInvite(site, { emails: emails.slice(i, i + 1_000), policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID] });
      }
    },
    held: (backend) => backend.vendors.wix.state().invites.length,
  },
  {
    name: 'confident-ai',
    mock: (backend) => backend.vendors.confidentAi,
    addressesPerRequest: 50,
    request: (baseUrl, emails) =>
      post(`${baseUrl}/v1/projects/${CONFIDENT_AI_DOCS_PROJECT_ID}/invitations`, { [CONFIDENT_AI_KEY_HEADER]: KEY }, { emails }),
    invited: (body) => lengthAt(body, (b) => b?.data?.invitations),
    fill(backend, emails) {
      const { store } = backend.vendors.confidentAi;
      for (const email of emails) store.createInvitation(CONFIDENT_AI_DOCS_PROJECT_ID, email, confidentAiRoleIds.member);
    },
    held: (backend) => backend.vendors.confidentAi.state().invitations.length,
  },
  {
    name: 'athenahq',
    mock: (backend) => backend.vendors.athenahq,
    addressesPerRequest: 1,
    request: (baseUrl, emails) =>
      post(`${baseUrl}/api/v1/invites/bulk`, { 'x-api-key': KEY }, { invite_method: 'email', email: emails[0], website_ids: [ATHENA_FIXTURE_IDS.siteExample] }),
    invited: (body) => lengthAt(body, (b) => b?.results?.filter((r: { success?: boolean }) => r.success)),
    fill(backend, emails) {
      const { store } = backend.vendors.athenahq;
      for (const email of emails) {
        const result = store.invite({ targetType: 'website', targetId: ATHENA_FIXTURE_IDS.siteExample, email, role: 'viewer', method: 'email' });
        if (result.kind === 'invited') store.sendInvitationEmail(email, [result.inviteId]);
      }
    },
    held: (backend) => backend.vendors.athenahq.state().invites.length,
  },
];

/** `count` distinct addresses, `tag` keeping separate lists apart. */
export function scaleAddresses(tag: string, count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `${tag}.${from + i}@scale.example`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
