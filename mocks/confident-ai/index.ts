/**
 * Confident AI mock: `POST /v1/projects/:projectId/invitations` and its documented siblings (list, resend,
 * revoke), plus `GET /v1/projects/:projectId/roles` so hosts can discover role ids. Answers at
 * https://api.confident-ai.com, https://eu.api.confident-ai.com, and under any proxy prefix.
 */
import { createScenario } from '../scenario.ts';
import type { VendorMock, VendorMockOptions } from '../types.ts';
import { confidentAiFixture } from './fixtures.ts';
import { createConfidentAiHandlers } from './handlers.ts';
import { createConfidentAiStore, type ConfidentAiState, type ConfidentAiStore } from './store.ts';

export interface ConfidentAiMockOptions extends VendorMockOptions {
  /** Organization API keys (see VendorMockOptions.keys). */
  keys?: readonly string[];
  /** Project API keys: accepted as credentials, refused (403) by these organization-level endpoints. */
  projectKeys?: readonly string[];
  /** The world to start from (and to return to on reset). Default: `confidentAiFixture`. */
  fixture?: ConfidentAiState;
  /** Clock for `created_at` and the trial check. Default `Date.now`. */
  now?: () => number;
}

export interface ConfidentAiMock extends VendorMock<ConfidentAiState> {
  readonly store: ConfidentAiStore;
}

export function createConfidentAiMock(options: ConfidentAiMockOptions = {}): ConfidentAiMock {
  const scenario = options.scenario ?? createScenario('ok');
  const now = options.now ?? Date.now;
  const store = createConfidentAiStore(options.fixture ?? confidentAiFixture, now);
  return {
    vendor: 'confident-ai',
    store,
    handlers: createConfidentAiHandlers({ store, scenario, keys: options.keys, projectKeys: options.projectKeys, now }),
    state: () => store.state(),
    reset() {
      store.reset();
      scenario.reset();
    },
  };
}

export { confidentAiFixture, confidentAiFixtureKeys, confidentAiRoleIds, CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID } from './fixtures.ts';
export { confidentAiMessages, CONFIDENT_AI_KEY_HEADER } from './handlers.ts';
export type {
  ConfidentAiState,
  ConfidentAiStore,
  InvitationStatus,
  Organization,
  Plan,
  Policy,
  Project,
  ProjectInvitation,
  ProjectMember,
  ProjectRole,
} from './store.ts';
