/**
 * What a caller needs to try each vendor against the mock, read from the fixtures themselves: the ids a
 * request names (Diga's project, Wix's site and policies, Confident AI's projects and roles, AthenaHQ's
 * websites and groups) and the demo keys a fixture defines. `bulk-invite mock` prints it at start.
 */
import { athenaFixture } from './athenahq/fixtures.ts';
import { confidentAiFixture, confidentAiFixtureKeys } from './confident-ai/fixtures.ts';
import { isDefaultRole, isOwnerRole } from './confident-ai/handlers.ts';
import { digaFixture } from './diga/fixtures.ts';
import { appRoles as digaRoles, defaultRole as digaDefaultRole } from './diga/schemas.ts';
import type { MockKeys } from './index.ts';
import { wixFixture } from './wix/fixtures.ts';

export interface FixtureGuideLine {
  /** What the items are: `project`, `policy ids`, `demo keys`, … */
  label: string;
  items: string[];
}

export interface VendorFixtureGuide {
  /** As `mockRoutes` names the vendor. */
  vendor: 'Diga' | 'Wix' | 'Confident AI' | 'AthenaHQ';
  lines: FixtureGuideLine[];
}

const named = (id: string, name: string, note?: string) => `${id} ${JSON.stringify(name)}${note ? ` (${note})` : ''}`;

/**
 * The guide for a server started with `keys` (`--keys`): a vendor those keys restrict accepts only the
 * keys listed there, so its fixture's demo keys are left out.
 */
export function fixtureGuide(keys: MockKeys = {}): VendorFixtureGuide[] {
  const diga = digaFixture(new Date());
  const [digaProject] = diga.projects;
  const website = (id: string) => athenaFixture.websites.find((w) => w.id === id)?.name ?? id;

  return [
    {
      vendor: 'Diga',
      lines: [
        // The mock gives every accepted key the fixture's first project (Diga keys belong to one project).
        ...(digaProject ? [{ label: 'project', items: [named(digaProject.id, digaProject.name, 'every key selects it: no id in the path')] }] : []),
        { label: 'roles', items: digaRoles.map((role) => (role === digaDefaultRole ? `${role} (the default)` : role)) },
      ],
    },
    {
      vendor: 'Wix',
      lines: [
        { label: 'site ids', items: wixFixture.sites.map((site) => named(site.id, site.displayName, 'header wix-site-id')) },
        { label: 'policy ids', items: wixFixture.sites.flatMap((site) => site.policies.map((policy) => named(policy.id, policy.name))) },
      ],
    },
    {
      vendor: 'Confident AI',
      lines: [
        { label: 'project ids', items: confidentAiFixture.projects.map((project) => named(project.id, project.name)) },
        {
          label: 'role ids',
          items: confidentAiFixture.roles.map((role) =>
            named(
              role.id,
              role.name,
              isOwnerRole(role)
                ? 'cannot be assigned'
                : isDefaultRole(role)
                  ? 'the default'
                  : role.projectId === null
                    ? undefined
                    : `project ${role.projectId} only`,
            ),
          ),
        },
        ...(keys['confident-ai']
          ? []
          : [
              {
                label: 'demo keys',
                items: [
                  `${confidentAiFixtureKeys.organization} (organization)`,
                  `${confidentAiFixtureKeys.project} (project; until a --keys file says so, any key is an organization key)`,
                ],
              },
            ]),
      ],
    },
    {
      vendor: 'AthenaHQ',
      lines: [
        { label: 'website ids', items: athenaFixture.websites.map((w) => named(w.id, w.name)) },
        { label: 'group ids', items: athenaFixture.groups.map((g) => named(g.id, g.name, g.website_ids.map(website).join(' + '))) },
        ...(keys.athenahq
          ? []
          : [
              {
                label: 'demo keys',
                items: athenaFixture.apiKeys.map(
                  (k) => `${k.key} (${k.websiteIds === 'all' ? 'all websites' : `${k.websiteIds.map(website).join(', ')} only`})`,
                ),
              },
            ]),
      ],
    },
  ];
}
