/**
 * Sends the checked rows to the Diga mock through the real engine and adapter, in the browser: msw's
 * service worker answers as Diga would (faults included), so the page needs no account and no network.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createDigaAdapter } from '../src/adapters/diga.ts';
import { createInviteRun, inviteesFromRows, type CheckedRow, type InviteRun, type RunSnapshot } from '../src/core/index.ts';
import { scenarioNames, type ScenarioName } from '../mocks/scenario-names.ts';
import { startMockWorker, type MockWorker } from '../mocks/browser.ts';
import { createMockBackend, type MockBackend } from '../mocks/index.ts';

let workerPromise: Promise<MockWorker> | undefined;
const backends = new Map<ScenarioName, MockBackend>();

/** The page's one service worker, answering with the chosen scenario's backend (kept per scenario, so its store persists). */
async function useScenario(scenario: ScenarioName): Promise<void> {
  const mock = await (workerPromise ??= startMockWorker());
  let backend = backends.get(scenario);
  if (!backend) backends.set(scenario, (backend = createMockBackend({ scenario, seed: 7 })));
  mock.worker.resetHandlers();
  mock.worker.use(...backend.handlers);
}

export function SendPanel({ rows }: { rows: readonly CheckedRow[] }) {
  const [run, setRun] = useState<InviteRun>(() => createInviteRun(inviteesFromRows(rows)));
  const [scenario, setScenario] = useState<ScenarioName>('ok');
  useEffect(() => setRun(createInviteRun(inviteesFromRows(rows))), [rows]);
  const snapshot = useSyncExternalStore(run.subscribe, run.getSnapshot);

  const send = async () => {
    await useScenario(scenario);
    // The key is a placeholder: a real host points baseUrl at its own proxy, which adds the key.
    const adapter = createDigaAdapter({ apiKey: 'demo-key' });
    await run.send({ adapter, concurrency: 4, rateLimit: { requests: 20, per: 'second' }, retry: { baseDelayMs: 200, maxDelayMs: 2000 } });
  };

  if (snapshot.total === 0) return null;
  const busy = snapshot.status === 'sending' || snapshot.status === 'paused';
  return (
    <section className="demo-send" aria-labelledby="send-heading">
      <h2 id="send-heading">Send to the Diga mock</h2>
      <label>
        Mock scenario{' '}
        <select value={scenario} onChange={(event) => setScenario(event.target.value as ScenarioName)} disabled={busy}>
          {scenarioNames.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void send()} disabled={busy || snapshot.status === 'done'}>
        Send {snapshot.total} {snapshot.total === 1 ? 'invitation' : 'invitations'}
      </button>{' '}
      {busy && (
        <button type="button" onClick={() => run.cancel()}>
          Cancel
        </button>
      )}
      {snapshot.retryable > 0 && !busy && (
        <button type="button" onClick={() => void run.retryFailed()}>
          Retry failed
        </button>
      )}
      <p role="status" aria-live="polite" aria-label="Sending progress">
        <Progress snapshot={snapshot} />
      </p>
    </section>
  );
}

function Progress({ snapshot }: { snapshot: RunSnapshot }) {
  const { sent, skipped, failed, pending, queued, inFlight } = snapshot.counts;
  if (snapshot.status === 'idle') return <>Ready: {snapshot.total} valid addresses.</>;
  return (
    <>
      {snapshot.status}: {sent} sent, {skipped} skipped, {failed} failed, {pending} pending, {queued + inFlight} to go
      {snapshot.stopReason ? ` (stopped: ${snapshot.stopReason.message})` : ''}.
    </>
  );
}
