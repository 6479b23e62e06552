/**
 * The Diga mock: `POST /v1/project/invitation/send/bulk` and its siblings `POST /v1/project/invitation/send`
 * and `PATCH /v1/project/{project_id}/invitation/{invitation_id}/role`, over an in-memory store.
 * A Diga API key belongs to one project and the paths carry none, so the key selects the project.
 */
import { createScenario } from '../scenario.ts';
import type { VendorMock, VendorMockOptions } from '../types.ts';
import { digaFixture } from './fixtures.ts';
import { createDigaHandlers } from './handlers.ts';
import { createDigaStore, type DigaState, type DigaStore } from './store.ts';

export interface DigaMockOptions extends VendorMockOptions {
  /**
   * Keys that select a project other than the fixture's first one, key → project id. A key whose project
   * is not in the store gets 404 `PROJECT_NOT_FOUND`. These keys are accepted even when `keys` is set.
   */
  projectKeys?: Readonly<Record<string, string>>;
  /** The world to start from and reset to; default `digaFixture`. Called with the clock's time. */
  fixture?: (now: Date) => DigaState;
  /** The clock for timestamps and invitation expiry; default the real one. */
  now?: () => Date;
}

export interface DigaMock extends VendorMock<DigaState> {
  readonly store: DigaStore;
}

export function createDigaMock(options: DigaMockOptions = {}): DigaMock {
  const scenario = options.scenario ?? createScenario('ok');
  const fixture = options.fixture ?? digaFixture;
  const store = createDigaStore(fixture, options.now);
  // The first project of the fixture is the one every accepted key selects by default.
  const defaultProjectId = store.state().projects[0]?.id ?? '00000000-0000-4000-8000-000000000000';

  const projectFor = (token: string): string | undefined => {
    const mapped = options.projectKeys?.[token];
    if (mapped !== undefined) return mapped;
    return options.keys === undefined || options.keys.includes(token) ? defaultProjectId : undefined;
  };

  return {
    vendor: 'diga',
    store,
    handlers: createDigaHandlers({ store, scenario, projectFor }),
    state: () => store.state(),
    reset() {
      store.reset();
      scenario.reset();
    },
  };
}

export { DIGA_FIXTURE, digaFixture } from './fixtures.ts';
export { digaMessages } from './handlers.ts';
export type { DigaInvitation, DigaMember, DigaProfile, DigaProject, DigaState, DigaStore } from './store.ts';
export { appRoles as digaRoles, type AppRole as DigaRole } from './schemas.ts';
