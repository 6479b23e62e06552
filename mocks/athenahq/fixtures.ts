/**
 * The default AthenaHQ organization. The website, group and user ids the doc's examples use are real here,
 * so the doc's curl example (once it sends only `website_ids`) gets back exactly the documented response:
 * user@example.com is added to the first website and is already a member of the second.
 *
 * Keys (accepted unless the mock is given `keys`/`apiKeys`; any other non-empty key counts as global):
 * - `athena_demo_global`: global key ("All Websites").
 * - `athena_demo_scoped`: scoped to the "Example" website only; group invites with it get 403.
 */
import type { AthenaFixture } from './store.ts';

export const ATHENA_FIXTURE_IDS = {
  organization: 'b7a3c1e2-4f5d-4a6b-8c7d-9e0f1a2b3c4d',
  /** Doc example id. */
  siteExample: '123e4567-e89b-12d3-a456-426614174000',
  /** Doc example id; user@example.com is already a member. */
  siteBlog: '987e6543-e21b-12d3-a456-426614174000',
  /** pending@example.com holds a pending invite. */
  siteShop: 'c2f1e0d9-8b7a-4c6d-9e5f-4a3b2c1d0e9f',
  /** Doc example id: Example + Blog; member@example.com is a member. */
  groupMarketing: '456e7890-e89b-12d3-a456-426614174000',
  /** Doc example id: Shop; pending@example.com holds a pending invite. */
  groupCommerce: '789e0123-e89b-12d3-a456-426614174000',
  userOwner: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  /** Doc example user id. */
  userExample: 'abc12345-e89b-12d3-a456-426614174000',
  userMember: 'd9b2d63d-a233-4123-847a-7d1f0e5b2c11',
  invitePendingSite: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
  invitePendingGroup: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
} as const;

export const ATHENA_DEMO_KEYS = { global: 'athena_demo_global', scoped: 'athena_demo_scoped' } as const;

const ids = ATHENA_FIXTURE_IDS;
const created = '2025-01-15T09:30:00.000Z';

export const athenaFixture: AthenaFixture = {
  organization: { id: ids.organization, name: 'Example Inc.', created_at: created },
  websites: [
    { id: ids.siteExample, name: 'Example', domain: 'example.com', created_at: created },
    { id: ids.siteBlog, name: 'Example Blog', domain: 'blog.example.com', created_at: created },
    { id: ids.siteShop, name: 'Example Shop', domain: 'shop.example.com', created_at: created },
  ],
  groups: [
    { id: ids.groupMarketing, name: 'Marketing', website_ids: [ids.siteExample, ids.siteBlog], created_at: created },
    { id: ids.groupCommerce, name: 'Commerce', website_ids: [ids.siteShop], created_at: created },
  ],
  users: [
    { id: ids.userOwner, email: 'owner@example.com', first_name: 'Olivia', last_name: 'Owner', email_verified: true, created_at: created },
    { id: ids.userExample, email: 'user@example.com', first_name: 'John', last_name: 'Doe', email_verified: true, created_at: created },
    { id: ids.userMember, email: 'member@example.com', first_name: 'Mia', last_name: 'Member', email_verified: true, created_at: created },
  ],
  memberships: [
    { target_type: 'organization', target_id: ids.organization, user_id: ids.userOwner, role: 'admin', created_at: created },
    { target_type: 'website', target_id: ids.siteBlog, user_id: ids.userExample, role: 'viewer', created_at: created },
    { target_type: 'website', target_id: ids.siteExample, user_id: ids.userMember, role: 'viewer', created_at: created },
    { target_type: 'group', target_id: ids.groupMarketing, user_id: ids.userMember, role: 'viewer', created_at: created },
  ],
  invites: [
    {
      id: ids.invitePendingSite,
      email: 'pending@example.com',
      target_type: 'website',
      target_id: ids.siteShop,
      role: 'viewer',
      status: 'pending',
      first_name: null,
      last_name: null,
      created_at: created,
    },
    {
      id: ids.invitePendingGroup,
      email: 'pending@example.com',
      target_type: 'group',
      target_id: ids.groupCommerce,
      role: 'viewer',
      status: 'pending',
      first_name: null,
      last_name: null,
      created_at: created,
    },
  ],
  emails: [],
  apiKeys: [
    { key: ATHENA_DEMO_KEYS.global, name: 'Demo (all websites)', websiteIds: 'all' },
    { key: ATHENA_DEMO_KEYS.scoped, name: 'Demo (example.com only)', websiteIds: [ids.siteExample] },
  ],
};
