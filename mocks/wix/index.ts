/**
 * Wix Site Invites mock: `POST /invites/site-invite/bulk` and its siblings `…/{inviteId}/resend` and
 * `…/{inviteId}/revoke`, at https://www.wixapis.com or under any base URL.
 */
import { createScenario } from '../scenario.ts';
import type { VendorMock, VendorMockOptions } from '../types.ts';
import { wixFixture } from './fixtures.ts';
import { createWixHandlers } from './handlers.ts';
import { createWixStore, type WixFixture, type WixState, type WixStore } from './store.ts';

export interface WixMockOptions extends VendorMockOptions {
  /** The world to start from (and to return to on reset). Default: `wixFixture`. */
  fixture?: WixFixture;
  /** Keys that authenticate but lack `SCOPE.DC-IDENTITY.MANAGE-CONTRIBUTORS` (every call gets 403). */
  keysWithoutScope?: readonly string[];
  /** Clock for `dateCreated` / `expirationDate`. */
  now?: () => Date;
  /** Invite id generator (default: random GUIDs). */
  newId?: () => string;
}

export interface WixMock extends VendorMock<WixState> {
  readonly store: WixStore;
}

export function createWixMock(options: WixMockOptions = {}): WixMock {
  const scenario = options.scenario ?? createScenario('ok');
  const store = createWixStore(options.fixture ?? wixFixture, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const handlers = createWixHandlers(store, scenario, {
    ...(options.keys ? { keys: options.keys } : {}),
    ...(options.keysWithoutScope ? { keysWithoutScope: options.keysWithoutScope } : {}),
  });
  return {
    vendor: 'wix',
    store,
    handlers,
    state: () => store.state(),
    reset() {
      store.reset();
      scenario.reset();
    },
  };
}

export { WIX_RATE_LIMIT } from './handlers.ts';
export * from './fixtures.ts';
export type {
  WixContributor,
  WixFixture,
  WixInviteStatus,
  WixPolicy,
  WixSentEmail,
  WixSite,
  WixSiteInvite,
  WixState,
  WixStore,
} from './store.ts';
