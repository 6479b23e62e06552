import { describe, expect, it } from 'vitest';
import { athenaFixture, ATHENA_FIXTURE_IDS as ids } from './fixtures.ts';
import { createAthenaStore, type AthenaFixture } from './store.ts';

describe('AthenaHQ store', () => {
  it('starts from the fixture and hands out copies', () => {
    const store = createAthenaStore(athenaFixture);
    const state = store.state();
    expect(state.websites.map((w) => w.id)).toEqual([ids.siteExample, ids.siteBlog, ids.siteShop]);
    expect(state.invites).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).not.toHaveProperty('apiKeys');
    state.users.length = 0;
    expect(store.state().users).toHaveLength(3);
  });

  it('reset() forgets everything done since, and leaves the fixture object untouched', () => {
    const store = createAthenaStore(athenaFixture);
    const result = store.invite({ targetType: 'website', targetId: ids.siteShop, email: 'A@x.io', role: 'admin', method: 'email' });
    expect(result.kind).toBe('invited');
    expect(store.state().invites.at(-1)).toMatchObject({ email: 'a@x.io', role: 'admin', status: 'pending' });
    store.reset();
    expect(store.state().invites).toHaveLength(2);
    expect(athenaFixture.invites).toHaveLength(2);
  });

  it('seeds from any fixture, with its clock and ids', () => {
    const fixture: AthenaFixture = {
      ...athenaFixture,
      websites: [{ id: ids.siteShop, name: 'Only', domain: 'only.test', created_at: '2024-01-01T00:00:00.000Z' }],
      users: [],
      memberships: [],
      invites: [],
    };
    const store = createAthenaStore(fixture, { now: () => Date.parse('2026-05-01T12:00:00Z'), newId: () => 'id-1' });
    expect(store.invite({ targetType: 'website', targetId: ids.siteExample, email: 'a@x.io', role: 'viewer', method: 'direct' })).toEqual({
      kind: 'not-found',
    });
    expect(store.invite({ targetType: 'website', targetId: ids.siteShop, email: 'a@x.io', role: 'viewer', method: 'direct' })).toEqual({
      kind: 'added',
      userId: 'id-1',
    });
    expect(store.state().users).toEqual([
      { id: 'id-1', email: 'a@x.io', first_name: null, last_name: null, email_verified: false, created_at: '2026-05-01T12:00:00.000Z' },
    ]);
  });

  it('counts requests in a fixed window per organization', () => {
    let t = 1_000_000;
    const store = createAthenaStore(athenaFixture, { now: () => t });
    const window = { limit: 2, windowMs: 10_000 };
    expect(store.countRequest(window)).toMatchObject({ remaining: 1, exceeded: false, resetSeconds: 1010 });
    expect(store.countRequest(window)).toMatchObject({ remaining: 0, exceeded: false });
    t += 4_000;
    expect(store.countRequest(window)).toMatchObject({ remaining: 0, exceeded: true, retryAfterSeconds: 6 });
    t += 6_000;
    expect(store.countRequest(window)).toMatchObject({ remaining: 1, exceeded: false, resetSeconds: 1020 });
  });
});
