/**
 * AthenaHQ's side of the world: one organization with websites, groups of websites, users, memberships,
 * pending invites and the invitation emails sent. Also the organization's rate-limit window, because
 * the documented limit is per organization, not per key.
 */
import { keyOf, Lookup } from '../lookup.ts';

export type AthenaRole = 'admin' | 'viewer';
export type AthenaInviteMethod = 'direct' | 'email';
/** What an invite or membership grants access to. */
export type AthenaTargetType = 'organization' | 'website' | 'group';

export interface AthenaOrganization {
  id: string;
  name: string;
  created_at: string;
}

export interface AthenaWebsite {
  id: string;
  name: string;
  domain: string;
  created_at: string;
}

export interface AthenaGroup {
  id: string;
  name: string;
  website_ids: string[];
  created_at: string;
}

export interface AthenaUser {
  id: string;
  /** Lower-cased. */
  email: string;
  first_name: string | null;
  last_name: string | null;
  /** `direct` invites create accounts with `emailVerified=false` (doc). */
  email_verified: boolean;
  created_at: string;
}

export interface AthenaMembership {
  target_type: AthenaTargetType;
  /** The organization's, website's or group's id. */
  target_id: string;
  user_id: string;
  role: AthenaRole;
  created_at: string;
}

export interface AthenaInvite {
  id: string;
  email: string;
  target_type: AthenaTargetType;
  target_id: string;
  role: AthenaRole;
  status: 'pending';
  first_name: string | null;
  last_name: string | null;
  created_at: string;
}

/** One invitation email. In `email` mode a bulk request sends one email covering all its invites (doc). */
export interface AthenaEmail {
  id: string;
  to: string;
  invite_ids: string[];
  sent_at: string;
}

/**
 * An API key. `websiteIds: 'all'` is a global key ("All Websites" in the settings page); a list scopes the
 * key to those websites (it cannot invite to groups or the organization).
 */
export interface AthenaApiKey {
  key: string;
  name?: string;
  websiteIds: 'all' | readonly string[];
}

export interface AthenaFixture {
  organization: AthenaOrganization;
  websites: AthenaWebsite[];
  groups: AthenaGroup[];
  users: AthenaUser[];
  memberships: AthenaMembership[];
  invites: AthenaInvite[];
  emails?: AthenaEmail[];
  /** Keys the mock knows with their scope. Without `keys`/`apiKeys` options any other key is global. */
  apiKeys: AthenaApiKey[];
}

/** What `state()` returns: everything the vendor holds, keys left out. */
export interface AthenaState {
  organization: AthenaOrganization;
  websites: AthenaWebsite[];
  groups: AthenaGroup[];
  users: AthenaUser[];
  memberships: AthenaMembership[];
  invites: AthenaInvite[];
  emails: AthenaEmail[];
}

export interface InviteRequest {
  targetType: AthenaTargetType;
  /** Ignored for `organization` (the store's own organization). */
  targetId: string;
  email: string;
  role: AthenaRole;
  method: AthenaInviteMethod;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

/** What became of one target; the handlers turn it into the vendor's words. */
export type InviteResult =
  | { kind: 'added'; userId: string }
  | { kind: 'invited'; inviteId: string }
  | { kind: 'already-member' }
  | { kind: 'already-invited' }
  | { kind: 'not-found' };

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface RateCount {
  limit: number;
  remaining: number;
  /** Unix time in seconds when the window resets (the `x-rate-limit-reset` value). */
  resetSeconds: number;
  /** Seconds until the reset, at least 1 (the `retry-after` value). */
  retryAfterSeconds: number;
  exceeded: boolean;
}

export interface AthenaStore {
  state(): AthenaState;
  reset(): void;
  website(id: string): AthenaWebsite | undefined;
  group(id: string): AthenaGroup | undefined;
  /** Applies one invite to one target, in the order the rules list: not found, member, pending, then act. */
  invite(request: InviteRequest): InviteResult;
  /** Records the one email a request in `email` mode sends. */
  sendInvitationEmail(to: string, inviteIds: string[]): AthenaEmail;
  /** Counts one authenticated request against the organization's window. */
  countRequest(window: RateWindow): RateCount;
}

export interface AthenaStoreOptions {
  /** Clock for timestamps and the rate-limit window. Default `Date.now`. */
  now?: () => number;
  /** Id generator. Default `crypto.randomUUID`. */
  newId?: () => string;
}

/**
 * The store's lookup tables. Memberships are looked up per user and target; organization members reach
 * every target, so they have their own table.
 */
function indexAthena(data: AthenaState) {
  const index = {
    websites: new Lookup(data.websites, (w) => w.id),
    groups: new Lookup(data.groups, (g) => g.id),
    usersByEmail: new Lookup(data.users, (u) => u.email),
    memberships: new Lookup<AthenaMembership>(),
    organizationMembers: new Lookup<AthenaMembership>(),
    invites: new Lookup(data.invites, (i) => keyOf(i.email, i.target_type, i.target_id)),
    addMembership(m: AthenaMembership): void {
      index.memberships.add(keyOf(m.user_id, m.target_type, m.target_id), m);
      if (m.target_type === 'organization') index.organizationMembers.add(m.user_id, m);
    },
  };
  for (const membership of data.memberships) index.addMembership(membership);
  return index;
}

export function createAthenaStore(fixture: AthenaFixture, options: AthenaStoreOptions = {}): AthenaStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let data = load(fixture);
  let index = indexAthena(data);
  let window: { start: number; used: number } | undefined;

  const timestamp = () => new Date(now()).toISOString();
  const userByEmail = (email: string) => index.usersByEmail.first(email);

  function targetExists(type: AthenaTargetType, id: string): boolean {
    if (type === 'organization') return true;
    return type === 'website' ? index.websites.has(id) : index.groups.has(id);
  }

  function isMember(type: AthenaTargetType, id: string, userId: string): boolean {
    return (
      // assumption: organization members already reach every website and group (the doc's "List User
      // Websites" page: organization membership gives implicit access to all websites).
      index.organizationMembers.has(userId) || index.memberships.has(keyOf(userId, type, id))
    );
  }

  function ensureUser(email: string, firstName?: string, lastName?: string): AthenaUser {
    const existing = userByEmail(email);
    if (existing) return existing;
    const user: AthenaUser = {
      id: newId(),
      email,
      first_name: firstName ?? null,
      last_name: lastName ?? null,
      email_verified: false,
      created_at: timestamp(),
    };
    data.users.push(user);
    index.usersByEmail.add(user.email, user);
    return user;
  }

  return {
    state: () => structuredClone(data),
    reset() {
      data = load(fixture);
      index = indexAthena(data);
      window = undefined;
    },
    website: (id) => index.websites.first(id),
    group: (id) => index.groups.first(id),

    invite(request) {
      // assumption: addresses match case-insensitively and are stored lower-cased.
      const email = request.email.toLowerCase();
      const targetId = request.targetType === 'organization' ? data.organization.id : request.targetId;
      if (!targetExists(request.targetType, targetId)) return { kind: 'not-found' };
      const user = userByEmail(email);
      if (user && isMember(request.targetType, targetId, user.id)) return { kind: 'already-member' };
      const pending = index.invites.has(keyOf(email, request.targetType, targetId));
      // assumption: a pending invite blocks a `direct` add too (vendors.md §4's order: member, pending, act).
      if (pending) return { kind: 'already-invited' };

      if (request.method === 'direct') {
        const member = ensureUser(email, request.firstName, request.lastName);
        const membership: AthenaMembership = {
          target_type: request.targetType,
          target_id: targetId,
          user_id: member.id,
          role: request.role,
          created_at: timestamp(),
        };
        data.memberships.push(membership);
        index.addMembership(membership);
        return { kind: 'added', userId: member.id };
      }
      const invite: AthenaInvite = {
        id: newId(),
        email,
        target_type: request.targetType,
        target_id: targetId,
        role: request.role,
        status: 'pending',
        first_name: request.firstName ?? null,
        last_name: request.lastName ?? null,
        created_at: timestamp(),
      };
      data.invites.push(invite);
      index.invites.add(keyOf(invite.email, invite.target_type, invite.target_id), invite);
      return { kind: 'invited', inviteId: invite.id };
    },

    sendInvitationEmail(to, inviteIds) {
      const email: AthenaEmail = { id: newId(), to: to.toLowerCase(), invite_ids: inviteIds, sent_at: timestamp() };
      data.emails.push(email);
      return email;
    },

    countRequest({ limit, windowMs }) {
      const at = now();
      // A fixed window that opens with the first request after the previous one closed.
      if (!window || at - window.start >= windowMs) window = { start: at, used: 0 };
      window.used++;
      const resetMs = window.start + windowMs;
      return {
        limit,
        remaining: Math.max(0, limit - window.used),
        resetSeconds: Math.ceil(resetMs / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil((resetMs - at) / 1000)),
        exceeded: window.used > limit,
      };
    },
  };
}

function load(fixture: AthenaFixture): AthenaState {
  return structuredClone({
    organization: fixture.organization,
    websites: fixture.websites,
    groups: fixture.groups,
    users: fixture.users.map((user) => ({ ...user, email: user.email.toLowerCase() })),
    memberships: fixture.memberships,
    invites: fixture.invites.map((invite) => ({ ...invite, email: invite.email.toLowerCase() })),
    emails: fixture.emails ?? [],
  });
}
