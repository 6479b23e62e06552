import { describe, expect, it } from 'vitest';
import {
  WIX_FIXTURE_ACCOUNT_ID,
  WIX_FIXTURE_EXAMPLE_POLICY_ID,
  WIX_FIXTURE_PENDING_INVITE_ID,
  WIX_FIXTURE_SITE_ID,
  wixFixture,
} from './fixtures.ts';
import { createWixStore, type WixFixture } from './store.ts';

const NOW = new Date('2026-11-25T12:00:00.678Z');

function store(fixture: WixFixture = wixFixture) {
  let n = 0;
  return createWixStore(fixture, { now: () => NOW, newId: () => `00000000-0000-4000-8000-00000000000${++n}` });
}

describe('Wix store', () => {
  it('starts from the fixture and hands out copies', () => {
    const s = store();
    const state = s.state();
    expect(state.accountId).toBe(WIX_FIXTURE_ACCOUNT_ID);
    expect(state.sites.map((site) => site.id)).toEqual([WIX_FIXTURE_SITE_ID]);
    expect(state.invites.map((i) => [i.id, i.status])).toEqual([
      [WIX_FIXTURE_PENDING_INVITE_ID, 'Pending'],
      ['c4e6a8b0-1d3f-4b5a-9c7e-0f2a4c6e8b1d', 'Expired'],
    ]);
    state.invites.length = 0;
    expect(s.state().invites).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(s.state()))).toEqual(s.state());
  });

  it('creates invites in Wix formats and sends one email each', () => {
    const s = store();
    const site = s.site(WIX_FIXTURE_SITE_ID)!;
    const result = s.bulkInvite(site, {
      emails: ['new.person@example.com'],
      policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID],
      language: 'de',
      invitePurpose: 'Spring catalogue',
    });
    expect(result).toEqual({
      invites: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          siteId: WIX_FIXTURE_SITE_ID,
          email: 'new.person@example.com',
          policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID],
          status: 'Pending',
          acceptLink: 'https://www.wix.com/accept-invite?inviteToken=00000000-0000-4000-8000-000000000001',
          inviterAccountId: WIX_FIXTURE_ACCOUNT_ID,
          dateCreated: '2026-11-25T12:00:00.000Z',
          expirationDate: '2026-12-25T12:00:00.000Z',
          locationIds: [],
          callerCapabilities: [],
        },
      ],
      failedEmails: [],
    });
    expect(s.state().emailsSent).toEqual([
      {
        inviteId: '00000000-0000-4000-8000-000000000001',
        to: 'new.person@example.com',
        language: 'de',
        invitePurpose: 'Spring catalogue',
        sentAt: '2026-11-25T12:00:00.000Z',
      },
    ]);
  });

  it('seeds from any fixture and resets back to it', () => {
    const tiny: WixFixture = {
      accountId: 'acc',
      sites: [{ id: 'site', displayName: 'Tiny', ownerLanguage: 'fr', contributorLimit: 1, policies: [{ id: 'p', name: 'P' }], contributors: [] }],
      invites: [],
      emailsSent: [],
    };
    const s = store(tiny);
    const site = s.site('site')!;
    const result = s.bulkInvite(site, { emails: ['a@example.com', 'b@example.com'], policyIds: ['p'] });
    // Limit 1: the second address is over it.
    expect(result.invites.map((i) => i.email)).toEqual(['a@example.com']);
    expect(result.failedEmails).toEqual(['b@example.com']);
    expect(s.state().emailsSent[0]?.language).toBe('fr');
    s.reset();
    expect(s.state()).toEqual(tiny);
    expect(s.unknownPolicyIds(s.site('site')!, ['p', 'q'])).toEqual(['q']);
  });

  it('follows every status change: a resent expired invite blocks its address again, a revoked one frees it', () => {
    const tiny: WixFixture = {
      accountId: 'acc',
      sites: [{ id: 'site', displayName: 'Tiny', ownerLanguage: 'en', contributorLimit: 2, policies: [{ id: 'p', name: 'P' }], contributors: [] }],
      invites: [
        { ...wixFixture.invites[0]!, id: 'pending', siteId: 'site', email: 'Pat@Example.com', status: 'Pending' },
        { ...wixFixture.invites[1]!, id: 'expired', siteId: 'site', email: 'eve@example.com', status: 'Expired' },
      ],
      emailsSent: [],
    };
    const s = store(tiny);
    const site = s.site('site')!;
    const invite = (email: string) => s.bulkInvite(site, { emails: [email], policyIds: ['p'] });
    // Pending, compared case-insensitively.
    expect(invite('pat@example.com').failedEmails).toEqual(['pat@example.com']);
    s.resend(s.invite('expired')!);
    expect(invite('EVE@example.com').failedEmails).toEqual(['EVE@example.com']);
    // Two pending invites fill the limit of 2; revoking one makes room, and frees its address.
    expect(invite('new@example.com').failedEmails).toEqual(['new@example.com']);
    s.revoke(s.invite('pending')!);
    expect(invite('pat@example.com').invites.map((i) => i.email)).toEqual(['pat@example.com']);
    s.reset();
    expect(invite('pat@example.com').failedEmails).toEqual(['pat@example.com']);
  });
});
