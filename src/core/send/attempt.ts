/**
 * One request: the adapter's `send` under a deadline and the run's cancel, read into either the
 * outcomes or a `Failure`. An adapter that ignores its signal cannot hold the run: the deadline or
 * the cancel settles the attempt at once, and the request is reported as timed out or aborted.
 *
 * Each worker sends through a `Lane`, one request at a time, so its requests can share one
 * AbortController until one of them is aborted (deadline or cancel): making an AbortController per
 * request cost more than a whole in-process request. The deadlines of all lanes share one timer
 * (`deadlines.ts`), and a request is one small object rather than a promise race and a set of closures.
 */
import type { AddressOutcome, InviteAdapter, Invitee, SendContext } from '../contract.ts';
import { timeoutReason } from './clock.ts';
import type { Deadline, Deadlines } from './deadlines.ts';
import { readFailure, type Failure } from './delivery.ts';

export type Attempt = { ok: true; outcomes: AddressOutcome[] } | { ok: false; failure: Failure };

/** A worker's way to the adapter: one request at a time. */
export interface Lane {
  /** Aborts the request in flight, if any (a cancel reaches every lane). */
  abort(reason: unknown): void;
  /** Sends one batch. Never rejects. */
  send(adapter: InviteAdapter, invitees: readonly Invitee[], idempotencyKey: string): Promise<Attempt>;
}

/**
 * Requests one signal serves at most. An adapter that adds an abort listener per request and never
 * removes it (common, and harmless with a signal per request) would otherwise pile them up on one
 * signal: Node warns past 10 (MaxListenersExceededWarning), and they would all be kept alive. Node's
 * `fetch` does the same until each request is garbage-collected.
 */
export const SIGNAL_REUSES = 8;

const isTimeout = (reason: unknown) => reason instanceof Error && reason.name === 'TimeoutError';

/** One request in flight on a lane. */
class InFlightRequest {
  settled = false;
  deadline: Deadline | undefined = undefined;
  resolve!: (attempt: Attempt) => void;

  constructor(
    readonly lane: LaneImpl,
    readonly controller: AbortController,
    readonly expected: number,
  ) {}

  settle(result: Attempt): void {
    if (this.settled) return;
    this.settled = true;
    this.lane.ended(this);
    this.resolve(result);
  }

  answered(outcomes: unknown): void {
    if (this.settled) return;
    if (!Array.isArray(outcomes) || outcomes.length !== this.expected) {
      const got = Array.isArray(outcomes) ? { got: outcomes.length } : {};
      this.settle({ ok: false, failure: { code: 'ADAPTER_ERROR', params: { reason: 'WRONG_COUNT', expected: this.expected, ...got } } });
    } else {
      this.settle({ ok: true, outcomes: outcomes as AddressOutcome[] });
    }
  }

  failed(error: unknown): void {
    if (!this.settled) this.settle({ ok: false, failure: readFailure(error) });
  }

  abort(reason: unknown): void {
    if (this.settled) return;
    // This signal is spent: the lane's next request gets a fresh one.
    this.lane.spent(this.controller);
    this.controller.abort(reason);
    this.settle({
      ok: false,
      failure: isTimeout(reason) ? { code: 'TIMEOUT', params: { timeoutMs: this.lane.timeoutMs } } : { code: 'ABORTED', params: {} },
    });
  }

  /** Its deadline passed. */
  expire(): void {
    this.abort(timeoutReason(this.lane.timeoutMs));
  }
}

class LaneImpl implements Lane {
  #controller: AbortController | undefined = undefined;
  /** Requests the current controller's signal has been handed to. */
  #uses = 0;
  #current: InFlightRequest | undefined = undefined;

  constructor(
    readonly deadlines: Deadlines | undefined,
    readonly timeoutMs: number,
  ) {}

  abort(reason: unknown): void {
    this.#current?.abort(reason);
  }

  spent(controller: AbortController): void {
    if (this.#controller === controller) this.#controller = undefined;
  }

  ended(request: InFlightRequest): void {
    if (this.#current === request) this.#current = undefined;
    if (request.deadline) this.deadlines!.clear(request.deadline);
  }

  send(adapter: InviteAdapter, invitees: readonly Invitee[], idempotencyKey: string): Promise<Attempt> {
    if (this.#controller === undefined || this.#uses >= SIGNAL_REUSES) {
      this.#controller = new AbortController();
      this.#uses = 0;
    }
    this.#uses++;
    const request = new InFlightRequest(this, this.#controller, invitees.length);
    const done = new Promise<Attempt>((settle) => (request.resolve = settle));
    this.#current = request;
    if (this.deadlines) request.deadline = this.deadlines.start(request);
    const context: SendContext = { signal: request.controller.signal, idempotencyKey };
    let sending: unknown;
    try {
      sending = adapter.send(invitees, context);
    } catch (error) {
      request.failed(error);
      return done;
    }
    if (sending !== null && typeof (sending as PromiseLike<unknown> | undefined)?.then === 'function') {
      (sending as PromiseLike<unknown>).then(
        (outcomes) => request.answered(outcomes),
        (error: unknown) => request.failed(error),
      );
    } else {
      request.answered(sending);
    }
    return done;
  }
}

/** `deadlines` undefined: no per-request timeout. `timeoutMs` is for the deadline's reason and message. */
export function createLane(deadlines: Deadlines | undefined, timeoutMs: number): Lane {
  return new LaneImpl(deadlines, timeoutMs);
}
