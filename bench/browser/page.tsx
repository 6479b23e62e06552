/**
 * The page `npm run bench` drives in Chromium (bench/browser.ts): a production build of the kit's dialog
 * and results table over an in-process fake vendor (`src/core/testing/`), no network. `?mode=dialog`
 * mounts `BulkInviteDialog` (trigger and all); `?mode=table` waits for the harness to call
 * `__bench.showResults(text)`, which reads a list into a draft, sends it to the fake vendor and mounts
 * `InviteResultsTable` over the finished run.
 *
 * What the harness reads back is on `window.__bench`: the long tasks (`longtask`) and long animation
 * frames (`long-animation-frame`, with the scripts that ran in them) observed since the page started,
 * and the times of the trigger's click and of the recipients field taking the focus.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BulkInviteDialog } from '../../src/components/dialog/index.ts';
import { createInviteDraft, createInviteRun } from '../../src/core/index.ts';
import { createFakeVendor } from '../../src/core/testing/index.ts';
import '../../src/components/styles.css';

export interface LongTask {
  start: number;
  duration: number;
  name: string;
}

export interface LongFrameScript {
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LongFrameScript[];
}

export interface BenchHooks {
  mode: string;
  longTasks: LongTask[];
  longFrames: LongFrame[];
  /** `event.timeStamp` of each click on the trigger, and `performance.now()` when the recipients field got the focus. */
  opens: Array<{ clicked: number; focused?: number; painted?: number }>;
  /** Reads `text` into a draft, sends it to the fake vendor and shows the results table; the phases' times (ms). */
  showResults?: (text: string) => Promise<{ rows: number; read: number; sent: number; mounted: number }>;
}

const hooks: BenchHooks = { mode: new URLSearchParams(location.search).get('mode') ?? 'dialog', longTasks: [], longFrames: [], opens: [] };
(window as unknown as { __bench: BenchHooks }).__bench = hooks;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) hooks.longTasks.push({ start: entry.startTime, duration: entry.duration, name: entry.name });
}).observe({ type: 'longtask', buffered: true });

interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: Array<PerformanceEntry & Omit<LongFrameScript, 'duration'>>;
}
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LoafEntry[]) {
      hooks.longFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        renderStart: entry.renderStart,
        styleAndLayoutStart: entry.styleAndLayoutStart,
        scripts: entry.scripts.map((script) => ({
          invoker: script.invoker,
          invokerType: script.invokerType,
          sourceURL: script.sourceURL,
          sourceFunctionName: script.sourceFunctionName,
          sourceCharPosition: script.sourceCharPosition,
          duration: script.duration,
          forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
        })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

// Open → focused: the click's own time stamp (input delay included) to the focus landing in the textarea.
document.addEventListener(
  'click',
  (event) => {
    if ((event.target as Element | null)?.closest?.('.rbi-trigger')) hooks.opens.push({ clicked: event.timeStamp });
  },
  true,
);
document.addEventListener('focusin', (event) => {
  const open = hooks.opens.at(-1);
  if (!open || open.focused !== undefined || !(event.target instanceof HTMLTextAreaElement)) return;
  open.focused = performance.now();
  // And the first frame painted with the dialog in it.
  requestAnimationFrame(() => setTimeout(() => (open.painted = performance.now()), 0));
});

const ROLES = ['admin', 'member', 'reader'];
const root = createRoot(document.getElementById('root')!);

if (hooks.mode === 'table') {
  hooks.showResults = async (text) => {
    const t0 = performance.now();
    const draft = createInviteDraft({ roles: ROLES, defaultRole: 'member' });
    await draft.load(text);
    const t1 = performance.now();
    const run = createInviteRun(draft.toInvitees());
    const snapshot = await run.send({ adapter: createFakeVendor({ maxBatchSize: 1000 }), concurrency: 8, rateLimit: false });
    const t2 = performance.now();
    const rows = draft.getSnapshot().rows;
    // Loaded here, not at the top: the dialog page keeps the table in its own chunk, as a host's build does.
    const { InviteResultsTable } = await import('../../src/components/results-table/index.ts');
    await new Promise<void>((resolve) => {
      root.render(
        <StrictMode>
          <div
            id="results"
            ref={(node) => {
              if (node) requestAnimationFrame(() => resolve());
            }}
          >
            <InviteResultsTable snapshot={snapshot} rows={rows} />
          </div>
        </StrictMode>,
      );
    });
    return { rows: rows.length, read: t1 - t0, sent: t2 - t1, mounted: performance.now() - t2 };
  };
} else {
  root.render(
    <StrictMode>
      <BulkInviteDialog adapter={createFakeVendor()} roles={ROLES} defaultRole="member" sendOptions={{ rateLimit: false }} />
    </StrictMode>,
  );
}
