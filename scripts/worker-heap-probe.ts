/**
 * Browser commands for the tests (they run in Node, beside the browser): sample the JS heap of a page's
 * named dedicated Web Worker over the Chrome DevTools Protocol while a test runs. A worker has no
 * `performance.memory`, and the in-page CDP session does not deliver the events this needs.
 */
import type { BrowserCommand } from 'vitest/node';
import type { CDPSession, Page } from 'playwright';

interface Probe {
  running: boolean;
  peak: number;
  samples: number;
  loop: Promise<void>;
  session: CDPSession;
}

const probes = new Map<string, Probe>();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sample(session: CDPSession, name: string, probe: Probe): Promise<void> {
  let id = 0;
  const answers = new Map<number, (used: number) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined && message.result) answers.get(message.id)?.(message.result.usedSize);
  });
  let attached: string | undefined;
  while (probe.running) {
    if (!attached) {
      const { targetInfos } = await session.send('Target.getTargets');
      const worker = targetInfos.filter((target) => target.type === 'worker' && target.title === name).at(-1);
      if (worker) attached = (await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })).sessionId;
    }
    if (attached) {
      const sessionId = attached;
      const used = await new Promise<number>((resolve) => {
        const messageId = ++id;
        answers.set(messageId, resolve);
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: messageId, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
        setTimeout(() => resolve(0), 2000);
      });
      if (used > 0) {
        probe.peak = Math.max(probe.peak, used);
        probe.samples++;
      } else {
        attached = undefined;
      }
    }
    await pause(50);
  }
}

export const startWorkerHeapProbe: BrowserCommand<[name: string]> = async (context, name) => {
  const page = (context as unknown as { page: Page }).page;
  const session = await page.context().newCDPSession(page);
  const probe = { running: true, peak: 0, samples: 0, session } as Probe;
  probe.loop = sample(session, name, probe).catch(() => undefined);
  probes.set(`${context.sessionId}:${name}`, probe);
};

/** Stops the probe and answers the peak heap seen (bytes) and how many samples it took. */
export const stopWorkerHeapProbe: BrowserCommand<[name: string]> = async (context, name) => {
  const probe = probes.get(`${context.sessionId}:${name}`);
  if (!probe) return { peak: 0, samples: 0 };
  probe.running = false;
  await probe.loop;
  probes.delete(`${context.sessionId}:${name}`);
  await probe.session.detach().catch(() => undefined);
  return { peak: probe.peak, samples: probe.samples };
};
