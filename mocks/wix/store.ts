/**
 * The Wix mock's in-memory world: an account, its sites (roles, contributors, contributor limit) and the
 * site invites, in the shapes and formats of Wix's Site Invite object. Seeded from a fixture, resettable.
 * The per-address rules of Bulk Invite live here, next to the data they read.
 */
import { keyOf, Lookup } from '../lookup.ts';

export type WixInviteStatus = 'Pending' | 'Used' | 'Deleted' | 'Declined' | 'Expired';

/** A Site Invite as Wix's REST API returns it (`id`, not the SDK's `_id`). */
export interface WixSiteInvite {
  id: string;
  siteId: string;
  email: string;
  policyIds: string[];
  status: WixInviteStatus;
  acceptLink: string;
  inviterAccountId: string;
  /** Only once accepted. */
  acceptedByAccountId?: string;
  dateCreated: string;
  staffId?: string;
  expirationDate: string;
  locationIds: string[];
  callerCapabilities: string[];
}

/** A role on a site; Wix calls its id a policy id. */
export interface WixPolicy {
  id: string;
  name: string;
}

export interface WixContributor {
  accountId: string;
  email: string;
  policyIds: string[];
  joinedAt: string;
}

export interface WixSite {
  id: string;
  displayName: string;
  /** Language of invite emails when the request names none ("Default: Site owner's language"). */
  ownerLanguage: string;
  /** Contributors plus pending invites may not exceed this. */
  contributorLimit: number;
  policies: WixPolicy[];
  contributors: WixContributor[];
}

/** The mock's outbox: Wix "creates and sends emails", so every (re)sent invite leaves one here. */
export interface WixSentEmail {
  inviteId: string;
  to: string;
  language: string;
  invitePurpose?: string;
  sentAt: string;
}

export interface WixFixture {
  /** The account that owns every site and API key. */
  accountId: string;
  sites: WixSite[];
  invites: WixSiteInvite[];
  emailsSent: WixSentEmail[];
}

/** What `state()` returns: the whole world, JSON-serialisable. */
export type WixState = WixFixture;

export interface WixStoreOptions {
  /** Clock for timestamps. Default: the real one. */
  now?: () => Date;
  /** Invite id generator. Default: `crypto.randomUUID()` (Wix invite ids are GUIDs). */
  newId?: () => string;
}

export interface BulkInviteInput {
  emails: readonly string[];
  policyIds: readonly string[];
  locationIds?: readonly string[];
  language?: string;
  invitePurpose?: string;
  /** The `partial` scenario's per-address refusal. */
  refuses?: (email: string) => boolean;
}

export interface BulkInviteResult {
  invites: WixSiteInvite[];
  failedEmails: string[];
}

// assumption: invites stay valid 30 days (Wix publishes no duration).
const INVITE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

// assumption: Wix's own address check is unpublished; this one refuses what is plainly not an address.
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** RFC 3339 with milliseconds, as Wix writes dates; whole seconds, so values read like `…:56.000Z`. */
function wixDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}

/**
 * The store's lookup tables. Contributors are per site and never change here; pending invites change
 * with each invite, resend and revoke, so every status change goes through `setStatus`.
 */
function indexWix(world: WixFixture) {
  const sites = new Lookup(world.sites, (s) => s.id);
  const invites = new Lookup(world.invites, (i) => i.id);
  const contributors = new Lookup<WixContributor>();
  for (const s of world.sites) for (const c of s.contributors) contributors.add(keyOf(s.id, c.email.toLowerCase()), c);
  /** Pending invites per site and lower-cased address, and per site. */
  const pendingByAddress = new Lookup<WixSiteInvite>();
  const pendingBySite = new Lookup<WixSiteInvite>();
  const track = (invite: WixSiteInvite, pending: boolean) => {
    const byAddress = keyOf(invite.siteId, invite.email.toLowerCase());
    if (pending) {
      pendingByAddress.add(byAddress, invite);
      pendingBySite.add(invite.siteId, invite);
    } else {
      pendingByAddress.remove(byAddress, invite);
      pendingBySite.remove(invite.siteId, invite);
    }
  };
  for (const invite of world.invites) if (invite.status === 'Pending') track(invite, true);
  return { sites, invites, contributors, pendingByAddress, pendingBySite, track };
}

export function createWixStore(fixture: WixFixture, options: WixStoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  let world: WixFixture = structuredClone(fixture);
  let index = indexWix(world);

  const site = (siteId: string): WixSite | undefined => index.sites.first(siteId);
  const invite = (inviteId: string): WixSiteInvite | undefined => index.invites.first(inviteId);

  function setStatus(target: WixSiteInvite, status: WixInviteStatus): void {
    if ((target.status === 'Pending') !== (status === 'Pending')) index.track(target, status === 'Pending');
    target.status = status;
  }

  function sendEmail(target: WixSiteInvite, language: string, invitePurpose?: string): void {
    world.emailsSent.push({
      inviteId: target.id,
      to: target.email,
      language,
      ...(invitePurpose === undefined ? {} : { invitePurpose }),
      sentAt: wixDate(now()),
    });
  }

  return {
    get accountId(): string {
      return world.accountId;
    },
    site,
    invite,

    /** Policy ids the site does not know. */
    unknownPolicyIds(target: WixSite, policyIds: readonly string[]): string[] {
      return policyIds.filter((id) => !target.policies.some((p) => p.id === id));
    },

    /**
     * Bulk Invite's per-address rules, in request order. Wix gives no reason for a failure, so every
     * refusal is just the raw address in `failedEmails`.
     */
    bulkInvite(target: WixSite, input: BulkInviteInput): BulkInviteResult {
      const result: BulkInviteResult = { invites: [], failedEmails: [] };
      for (const email of input.emails) {
        const key = email.trim().toLowerCase();
        const taken = target.contributors.length + index.pendingBySite.count(target.id) >= target.contributorLimit;
        const refused =
          !PLAUSIBLE_EMAIL.test(email.trim()) ||
          index.contributors.has(keyOf(target.id, key)) ||
          // A repeat within the request meets the invite its first occurrence just created.
          index.pendingByAddress.has(keyOf(target.id, key)) ||
          taken ||
          (input.refuses?.(key) ?? false);
        if (refused) {
          result.failedEmails.push(email);
          continue;
        }
        const created = now();
        const id = newId();
        const fresh: WixSiteInvite = {
          id,
          siteId: target.id,
          email: email.trim(),
          policyIds: [...input.policyIds],
          status: 'Pending',
          // assumption: the accept link's shape is unpublished; a token in a wix.com URL.
          acceptLink: `https://www.wix.com/accept-invite?inviteToken=${id}`,
          inviterAccountId: world.accountId,
          dateCreated: wixDate(created),
          expirationDate: wixDate(new Date(created.getTime() + INVITE_LIFETIME_MS)),
          locationIds: [...(input.locationIds ?? [])],
          callerCapabilities: [],
        };
        world.invites.push(fresh);
        index.invites.add(fresh.id, fresh);
        index.track(fresh, true);
        sendEmail(fresh, input.language ?? target.ownerLanguage, input.invitePurpose);
        result.invites.push(structuredClone(fresh));
      }
      return result;
    },

    /** Renews a Pending or Expired invite for another 30 days and sends the email again. */
    resend(target: WixSiteInvite, language?: string): WixSiteInvite {
      const renewed = now();
      setStatus(target, 'Pending');
      target.expirationDate = wixDate(new Date(renewed.getTime() + INVITE_LIFETIME_MS));
      sendEmail(target, language ?? site(target.siteId)?.ownerLanguage ?? 'en');
      return structuredClone(target);
    },

    revoke(target: WixSiteInvite): void {
      setStatus(target, 'Deleted');
    },

    state(): WixState {
      return structuredClone(world);
    },

    reset(): void {
      world = structuredClone(fixture);
      index = indexWix(world);
    },
  };
}

export type WixStore = ReturnType<typeof createWixStore>;
