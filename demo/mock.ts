/**
 * The demo's backend: the four vendor mocks (`mocks/`), each over its own store, all answering through one
 * fault scenario that the page's "Scenario" picker switches. Switching keeps the stores, so the members
 * a run added stay on the page; `reset()` returns every store to its fixtures.
 *
 * The same handlers serve the demo app (msw's worker, started in main.tsx) and Storybook (the
 * msw-storybook-addon's worker, given them as `parameters.msw.handlers`): this module starts nothing.
 */
import type { HttpHandler } from 'msw';
import {
  createAthenaMock,
  createConfidentAiMock,
  createDigaMock,
  createScenario,
  createWixMock,
  type Scenario,
  type ScenarioConfig,
} from '../mocks/index.ts';

/** The scenarios the demo offers, in the picker's order. */
export const DEMO_SCENARIOS = ['ok', 'slow', 'flaky', 'rate-limited', 'auth-expired', 'partial'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/**
 * Each scenario tuned to show itself with the sample list (about twenty addresses in batches of five):
 * the rate limit and the expiring key are met within a few requests.
 */
const CONFIGS: Record<DemoScenario, ScenarioConfig> = {
  ok: { name: 'ok' },
  slow: { name: 'slow', latencyMs: [600, 1600] },
  flaky: { name: 'flaky', failureRate: 0.35 },
  'rate-limited': { name: 'rate-limited', rateLimit: { limit: 2, windowMs: 4000 } },
  'auth-expired': { name: 'auth-expired', authExpiresAfter: 2 },
  partial: { name: 'partial', partialRate: 0.3 },
};

export type VendorId = 'diga' | 'wix' | 'confident-ai' | 'athenahq';

/** One person on the members page: a member, or an invitation not yet accepted. */
export interface MemberRow {
  email: string;
  name?: string;
  role: string;
  status: 'member' | 'invited' | 'expired' | 'declined';
  /** The site, project or website the entry is for. */
  where: string;
  /** ISO date the person joined or was invited. */
  since?: string;
}

export interface DemoMock {
  readonly handlers: HttpHandler[];
  readonly scenario: DemoScenario;
  /** Switches every vendor to `name` (counters start afresh); the stores are kept. */
  setScenario(name: DemoScenario): void;
  /** The vendor's members and invitations, as its store holds them now. */
  members(vendor: VendorId): MemberRow[];
  /** The id of the Wix site invite pending for `email` (what Wix's resend call names). */
  pendingWixInvite(email: string): string | undefined;
  /** Every store back to its fixtures. */
  reset(): void;
}

export function createDemoMock(initial: DemoScenario = 'ok'): DemoMock {
  let name = initial;
  let current = createScenario({ ...CONFIGS[name], seed: 7 });
  // One scenario object the four mocks share, answering with whichever scenario is chosen now.
  const scenario: Scenario = {
    get config() {
      return current.config;
    },
    next: (vendor, limit) => current.next(vendor, limit),
    refuses: (email) => current.refuses(email),
    requestCount: (vendor) => current.requestCount(vendor),
    reset: () => current.reset(),
  };
  const diga = createDigaMock({ scenario });
  const wix = createWixMock({ scenario });
  const confidentAi = createConfidentAiMock({ scenario });
  const athenahq = createAthenaMock({ scenario });

  return {
    handlers: [...diga.handlers, ...wix.handlers, ...confidentAi.handlers, ...athenahq.handlers],
    get scenario() {
      return name;
    },
    setScenario(next) {
      name = next;
      current = createScenario({ ...CONFIGS[next], seed: 7 });
    },
    members(vendor) {
      switch (vendor) {
        case 'diga':
          return merged(digaMembers(diga.state()));
        case 'wix':
          return merged(wixMembers(wix.state()));
        case 'confident-ai':
          return merged(confidentAiMembers(confidentAi.state()));
        case 'athenahq':
          return merged(athenaMembers(athenahq.state()));
      }
    },
    pendingWixInvite(email) {
      return wix.state().invites.find((i) => i.status === 'Pending' && i.email.toLowerCase() === email.toLowerCase())?.id;
    },
    reset() {
      for (const mock of [diga, wix, confidentAi, athenahq]) mock.reset();
    },
  };
}

/** One row per person, status and role: the places they hold it listed together. */
function merged(rows: MemberRow[]): MemberRow[] {
  const byKey = new Map<string, MemberRow>();
  for (const row of rows) {
    const key = `${row.email.toLowerCase()}\u0000${row.status}\u0000${row.role}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { ...row });
    else if (row.where && !known.where.split(', ').includes(row.where)) known.where = known.where ? `${known.where}, ${row.where}` : row.where;
  }
  return [...byKey.values()];
}

function digaMembers(state: ReturnType<ReturnType<typeof createDigaMock>['state']>): MemberRow[] {
  const profiles = new Map(state.profiles.map((p) => [p.id, p]));
  const projects = new Map(state.projects.map((p) => [p.id, p.name]));
  return [
    ...state.members.map((m): MemberRow => {
      const profile = profiles.get(m.profile_id);
      return { email: profile?.email ?? m.profile_id, ...(profile ? { name: profile.name } : {}), role: m.role, status: 'member', where: projects.get(m.project_id) ?? '' };
    }),
    ...state.invitations.map(
      (i): MemberRow => ({ email: i.invited_email, role: i.role, status: 'invited', where: i.project_name, since: i.created_at }),
    ),
  ];
}

function wixMembers(state: ReturnType<ReturnType<typeof createWixMock>['state']>): MemberRow[] {
  return state.sites.flatMap((site) => {
    const policy = (ids: readonly string[]) => ids.map((id) => site.policies.find((p) => p.id === id)?.name ?? id).join(', ');
    const invites = state.invites.filter((i) => i.siteId === site.id && (i.status === 'Pending' || i.status === 'Expired' || i.status === 'Declined'));
    return [
      ...site.contributors.map((c): MemberRow => ({ email: c.email, role: policy(c.policyIds), status: 'member', where: site.displayName, since: c.joinedAt })),
      ...invites.map(
        (i): MemberRow => ({
          email: i.email,
          role: policy(i.policyIds),
          status: i.status === 'Pending' ? 'invited' : i.status === 'Expired' ? 'expired' : 'declined',
          where: site.displayName,
          since: i.dateCreated,
        }),
      ),
    ];
  });
}

function confidentAiMembers(state: ReturnType<ReturnType<typeof createConfidentAiMock>['state']>): MemberRow[] {
  const roles = new Map(state.roles.map((r) => [r.id, r.name]));
  const projects = new Map(state.projects.map((p) => [p.id, p.name]));
  return [
    ...state.members.map(
      (m): MemberRow => ({
        email: m.email,
        name: m.name,
        role: roles.get(m.projectRoleId) ?? m.projectRoleId,
        status: 'member',
        where: projects.get(m.projectId) ?? m.projectId,
        since: m.joinedAt,
      }),
    ),
    ...state.invitations.map(
      (i): MemberRow => ({
        email: i.email,
        role: roles.get(i.projectRoleId) ?? i.projectRoleId,
        status: i.status === 'PENDING' ? 'invited' : 'declined',
        where: projects.get(i.projectId) ?? i.projectId,
        since: i.created_at,
      }),
    ),
  ];
}

function athenaMembers(state: ReturnType<ReturnType<typeof createAthenaMock>['state']>): MemberRow[] {
  const users = new Map(state.users.map((u) => [u.id, u]));
  const targetName = (type: string, id: string) =>
    type === 'organization'
      ? state.organization.name
      : type === 'website'
        ? (state.websites.find((w) => w.id === id)?.name ?? id)
        : `${state.groups.find((g) => g.id === id)?.name ?? id} (group)`;
  return [
    ...state.memberships.map((m): MemberRow => {
      const user = users.get(m.user_id);
      const name = [user?.first_name, user?.last_name].filter(Boolean).join(' ');
      return { email: user?.email ?? m.user_id, ...(name ? { name } : {}), role: m.role, status: 'member', where: targetName(m.target_type, m.target_id), since: m.created_at };
    }),
    ...state.invites
      .filter((i) => i.status === 'pending')
      .map((i): MemberRow => {
        const name = [i.first_name, i.last_name].filter(Boolean).join(' ');
        return { email: i.email, ...(name ? { name } : {}), role: i.role, status: 'invited', where: targetName(i.target_type, i.target_id), since: i.created_at };
      }),
  ];
}
