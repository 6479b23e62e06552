import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS } from './athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID, confidentAiFixtureKeys, confidentAiRoleIds } from './confident-ai/index.ts';
import { DIGA_FIXTURE } from './diga/index.ts';
import { fixtureGuide, type VendorFixtureGuide } from './fixture-guide.ts';
import { createMockBackend } from './index.ts';
import {
  WIX_FIXTURE_BLOG_WRITER_POLICY_ID,
  WIX_FIXTURE_DESIGNER_POLICY_ID,
  WIX_FIXTURE_EXAMPLE_POLICY_ID,
  WIX_FIXTURE_SITE_ID,
} from './wix/index.ts';

const text = (guide: VendorFixtureGuide[], vendor: VendorFixtureGuide['vendor']) =>
  guide
    .find((g) => g.vendor === vendor)!
    .lines.map((line) => `${line.label} ${line.items.join(', ')}`)
    .join('\n');

/** The first id on the guide's line with this label (ids come first in every item). */
const firstId = (guide: VendorFixtureGuide[], vendor: VendorFixtureGuide['vendor'], label: string) =>
  guide.find((g) => g.vendor === vendor)!.lines.find((line) => line.label === label)!.items[0]!.split(' ')[0]!;

describe('fixtureGuide', () => {
  const guide = fixtureGuide();

  it("names every id a caller needs, and the fixtures' demo keys", () => {
    expect(guide.map((g) => g.vendor)).toEqual(['Diga', 'Wix', 'Confident AI', 'AthenaHQ']);
    expect(text(guide, 'Diga')).toContain(DIGA_FIXTURE.projectId);
    expect(text(guide, 'Diga')).toMatch(/roles admin, member \(the default\), reader/);
    for (const id of [WIX_FIXTURE_SITE_ID, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_BLOG_WRITER_POLICY_ID]) {
      expect(text(guide, 'Wix')).toContain(id);
    }
    const confident = text(guide, 'Confident AI');
    for (const id of [CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID, ...Object.values(confidentAiRoleIds), ...Object.values(confidentAiFixtureKeys)]) {
      expect(confident).toContain(id);
    }
    expect(confident).toContain(`${confidentAiRoleIds.owner} "Owner" (cannot be assigned)`);
    const athena = text(guide, 'AthenaHQ');
    const { siteExample, siteBlog, siteShop, groupMarketing, groupCommerce } = ATHENA_FIXTURE_IDS;
    for (const id of [siteExample, siteBlog, siteShop, groupMarketing, groupCommerce]) expect(athena).toContain(id);
    expect(athena).toContain(`${ATHENA_DEMO_KEYS.global} (all websites), ${ATHENA_DEMO_KEYS.scoped} (Example only)`);
  });

  it('leaves out the demo keys of a vendor that --keys restricts (they are no longer accepted)', () => {
    const restricted = fixtureGuide({ athenahq: ['mine'], 'confident-ai': ['mine'] });
    expect(text(restricted, 'AthenaHQ')).not.toContain(ATHENA_DEMO_KEYS.global);
    expect(text(restricted, 'Confident AI')).not.toContain(confidentAiFixtureKeys.organization);
    expect(text(restricted, 'AthenaHQ')).toContain(ATHENA_FIXTURE_IDS.siteShop);
  });

  it('gives ids that work: the first of each list, sent to the mock, invites', async () => {
    const { handlers } = createMockBackend();
    const send = async (path: string, headers: Record<string, string>, body: unknown) =>
      (await getResponse(handlers, new Request(`https://mock.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })))!;

    const wix = await send('/invites/site-invite/bulk', { authorization: 'k', 'wix-site-id': firstId(guide, 'Wix', 'site ids') }, {
      policyIds: [firstId(guide, 'Wix', 'policy ids')],
      emails: ['guide@example.net'],
    });
    expect((await wix.json()).invites).toHaveLength(1);

    const confident = await send(`/v1/projects/${firstId(guide, 'Confident AI', 'project ids')}/invitations`, { CONFIDENT_API_KEY: 'k' }, {
      emails: ['guide@example.net'],
      projectRoleId: confidentAiRoleIds.member,
    });
    expect((await confident.json()).data.invitations).toHaveLength(1);

    const athena = await send('/api/v1/invites/bulk', { 'x-api-key': ATHENA_DEMO_KEYS.scoped }, {
      invite_method: 'email',
      email: 'guide@example.net',
      website_ids: [firstId(guide, 'AthenaHQ', 'website ids')],
    });
    expect((await athena.json()).results[0].success).toBe(true);
  });
});
