import type { HttpHandler } from 'msw';
import type { Scenario } from './scenario.ts';

/** Options every vendor mock factory accepts. */
export interface VendorMockOptions {
  /** Fault scenario; default `createScenario('ok')`. Several vendors may share one scenario object. */
  scenario?: Scenario;
  /**
   * Credentials the mock accepts. Absent: any non-empty credential is accepted (as a full-permission
   * key). Vendors with key kinds (Confident AI org/project keys, AthenaHQ global/scoped keys) take their
   * richer key descriptions through their own options.
   */
  keys?: readonly string[];
}

/** What a vendor mock factory returns. */
export interface VendorMock<State = unknown> {
  readonly vendor: 'diga' | 'wix' | 'confident-ai' | 'athenahq';
  /** MSW handlers; they match the vendor's published base URL and any other base URL (`*\/path`). */
  readonly handlers: HttpHandler[];
  /** A JSON-serialisable copy of everything the vendor's store holds now. */
  state(): State;
  /** Empties the store back to its fixtures and resets the scenario's counters. */
  reset(): void;
}
