/**
 * The default world the Wix mock starts from: one account owning one site, with its roles (policies),
 * two contributors, a pending invite and an expired one. Every value here is invented (Wix publishes no
 * sample site); the ids follow Wix's formats: GUIDs for accounts, sites and invites, and policy ids as
 * Wix spells them (its own example, `6600344420111308827`, is a long decimal string, not a GUID).
 */
import type { WixFixture } from './store.ts';

/** The account that owns the site and the API keys; `inviterAccountId` of every invite the mock creates. */
export const WIX_FIXTURE_ACCOUNT_ID = '0c2d7a51-8f3e-4b6a-9d1c-5e7f80a1b2c3';
/** Send it as `wix-site-id`. */
export const WIX_FIXTURE_SITE_ID = '3f9e2b6c-1a4d-4c8e-b7f0-9d2e6a1c5b40';

/** The policy id of Wix's own BulkInvite example, so the doc's curl example works against the mock. */
export const WIX_FIXTURE_EXAMPLE_POLICY_ID = '6600344420111308827';
/** Two more roles, so tests can send a request carrying a different policy set. */
export const WIX_FIXTURE_DESIGNER_POLICY_ID = '6600344420111308911';
export const WIX_FIXTURE_BLOG_WRITER_POLICY_ID = 'a7c1e3f5-2b4d-4f68-9a0c-1e3f5a7c9b2d';

/** Already contributors of the site: a bulk invite lists them in `failedEmails`. */
export const WIX_FIXTURE_CONTRIBUTOR_EMAILS = ['dana.cohen@example.com', 'lee.park@example.com'] as const;
/** Has a `Pending` invite: a bulk invite lists it in `failedEmails`. */
export const WIX_FIXTURE_PENDING_EMAIL = 'sam.rivera@example.com';
export const WIX_FIXTURE_PENDING_INVITE_ID = '8b1d4f2a-6c3e-4a9b-8e7d-2f5a1c9b3e60';
/** Had an invite that `Expired`: may be invited again, and the old invite may be resent. */
export const WIX_FIXTURE_EXPIRED_EMAIL = 'ari.levi@example.com';
export const WIX_FIXTURE_EXPIRED_INVITE_ID = 'c4e6a8b0-1d3f-4b5a-9c7e-0f2a4c6e8b1d';

// assumption: Wix caps a site's contributors (the typings' internal `getContributorLimit` returns
// `contributorLimit` and `leftInvites`) but publishes no number. 1,000,000 leaves room for bulk demos and
// benchmarks (the scale benchmark holds 200,000 pending invites); tests of the limit itself give the site
// a small one.
export const WIX_FIXTURE_CONTRIBUTOR_LIMIT = 1_000_000;

export const wixFixture: WixFixture = {
  accountId: WIX_FIXTURE_ACCOUNT_ID,
  sites: [
    {
      id: WIX_FIXTURE_SITE_ID,
      displayName: 'Rivera Ceramics',
      ownerLanguage: 'en',
      contributorLimit: WIX_FIXTURE_CONTRIBUTOR_LIMIT,
      policies: [
        { id: WIX_FIXTURE_EXAMPLE_POLICY_ID, name: 'Role of the BulkInvite doc example' },
        { id: WIX_FIXTURE_DESIGNER_POLICY_ID, name: 'Website Designer' },
        { id: WIX_FIXTURE_BLOG_WRITER_POLICY_ID, name: 'Blog Writer (custom role)' },
      ],
      contributors: [
        {
          accountId: 'e1f3a5c7-9b2d-4e6f-8a1c-3e5a7c9e1b3d',
          email: WIX_FIXTURE_CONTRIBUTOR_EMAILS[0],
          policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID],
          joinedAt: '2026-03-02T10:15:00.000Z',
        },
        {
          accountId: 'f2a4b6c8-0d1e-4f3a-9b5c-7d9e1f3a5b7c',
          email: WIX_FIXTURE_CONTRIBUTOR_EMAILS[1],
          policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID],
          joinedAt: '2026-06-18T14:40:00.000Z',
        },
      ],
    },
  ],
  invites: [
    {
      id: WIX_FIXTURE_PENDING_INVITE_ID,
      siteId: WIX_FIXTURE_SITE_ID,
      email: WIX_FIXTURE_PENDING_EMAIL,
      policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID],
      status: 'Pending',
      acceptLink: `https://www.wix.com/accept-invite?inviteToken=${WIX_FIXTURE_PENDING_INVITE_ID}`,
      inviterAccountId: WIX_FIXTURE_ACCOUNT_ID,
      dateCreated: '2026-11-20T09:30:00.000Z',
      expirationDate: '2026-12-20T09:30:00.000Z',
      locationIds: [],
      callerCapabilities: [],
    },
    {
      id: WIX_FIXTURE_EXPIRED_INVITE_ID,
      siteId: WIX_FIXTURE_SITE_ID,
      email: WIX_FIXTURE_EXPIRED_EMAIL,
      policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID],
      status: 'Expired',
      acceptLink: `https://www.wix.com/accept-invite?inviteToken=${WIX_FIXTURE_EXPIRED_INVITE_ID}`,
      inviterAccountId: WIX_FIXTURE_ACCOUNT_ID,
      dateCreated: '2026-08-01T08:00:00.000Z',
      expirationDate: '2026-08-31T08:00:00.000Z',
      locationIds: [],
      callerCapabilities: [],
    },
  ],
  emailsSent: [],
};
