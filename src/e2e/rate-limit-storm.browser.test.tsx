/**
 * A rate-limit storm, in Chromium, on Diga's mock in the `rate-limited` scenario (429 with Retry-After in
 * Diga's own envelope), set up as the demo sets it up and with the engine's default send options (as the
 * demo sends): a list of 60 in batches of 5 against a window of 2 requests per 2 s meets the limit again
 * and again. The progress bar's `aria-valuenow` only ever goes up and keeps moving through the run;
 * "Paused by the rate limit — resuming in N s" shows each time the vendor says wait, and goes away when
 * the run resumes, by itself. Every address is sent once.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMockBackend } from '../../mocks/index.ts';
import { button, dialog, grid, recipients, renderDialog, serveBackend, startWorker, stopWorker, trigger } from './harness.tsx';

const ADDRESSES = Array.from({ length: 60 }, (_, i) => `storm.${String(i + 1).padStart(2, '0')}@northwind.example`);
/** The vendor's window: 2 requests per 2 s, so a Retry-After of 1 or 2 s (the demo's is 2 per 4 s). */
const WINDOW = { limit: 2, windowMs: 2000 };
const PAUSED = /^Paused by the rate limit — resuming in (\d+) s$/;

beforeAll(async () => {
  await startWorker();
});
afterAll(() => stopWorker());
beforeEach(async () => {
  await page.viewport(1200, 820);
});

/** The pause message on screen now (the live region's copy of it left out), or undefined. */
function pauseShown(): string | undefined {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (PAUSED.test(text) && !node.parentElement?.closest('[data-rbi-announcer]')) return text;
  }
  return undefined;
}

interface Sample {
  at: number;
  value: number | undefined;
  pause: string | undefined;
}

it('Diga, rate-limited: 60 addresses meet the limit several times; the progress keeps moving and the pause shows its wait, then goes', async () => {
  const vendor = createMockBackend({ scenario: { name: 'rate-limited', rateLimit: WINDOW } });
  const backend = serveBackend({ handlers: vendor.handlers });
  // No test send options: the engine's own retry and rate-limit handling, as in the demo.
  await renderDialog('diga', backend, { sendOptions: undefined });
  await userEvent.click(trigger());
  await expect.element(dialog()).toBeVisible();
  await userEvent.fill(recipients(), ADDRESSES.join('\n'));
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();
  await expect.element(page.getByRole('button', { name: '60 valid' })).toBeVisible();

  const samples: Sample[] = [];
  const sample = () => {
    const bar = document.querySelector<HTMLElement>('[role="progressbar"][aria-valuenow]');
    samples.push({ at: performance.now(), value: bar ? Number(bar.getAttribute('aria-valuenow')) : undefined, pause: pauseShown() });
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    await userEvent.click(button('Send 60 invitations'));
    const bar = page.getByRole('progressbar', { name: 'Sending progress' });
    await expect.element(bar).toHaveAttribute('aria-valuemax', '60');
    await expect.element(page.getByRole('heading', { name: '60 sent' }), { timeout: 50_000 }).toBeVisible();
  } finally {
    clearInterval(timer);
  }
  const ended = performance.now();

  // The vendor said "wait" several times, and every address still went in exactly once.
  const limited = backend.log.filter((entry) => entry.status === 429);
  expect(limited.length).toBeGreaterThanOrEqual(3);
  for (const email of ADDRESSES) expect(backend.accepted(email), email).toBe(1);
  expect(vendor.vendors.diga.state().invitations.filter((invitation) => ADDRESSES.includes(invitation.invited_email))).toHaveLength(60);

  // aria-valuenow never goes back, and it moved many times.
  const values = samples.flatMap((s) => (s.value === undefined ? [] : [s.value]));
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(new Set(values).size).toBeGreaterThanOrEqual(6);
  expect(values.at(-1)).toBeGreaterThanOrEqual(50);

  // The pause: shown in episodes (at least two), each with a wait of 1 or 2 s (the vendor's Retry-After).
  const episodes: Array<{ from: number; to: number; texts: Set<string> }> = [];
  samples.forEach((s, i) => {
    if (s.pause === undefined) return;
    const last = episodes.at(-1);
    if (last && samples[i - 1]?.pause !== undefined) {
      last.to = s.at;
      last.texts.add(s.pause);
    } else episodes.push({ from: s.at, to: s.at, texts: new Set([s.pause]) });
  });
  expect(episodes.length).toBeGreaterThanOrEqual(2);
  for (const episode of episodes) {
    for (const text of episode.texts) expect(Number(PAUSED.exec(text)![1])).toBeGreaterThanOrEqual(1);
    for (const text of episode.texts) expect(Number(PAUSED.exec(text)![1])).toBeLessThanOrEqual(2);
    // It goes away: no pause lasts much past the longest Retry-After.
    expect(episode.to - episode.from).toBeLessThan(4000);
  }
  // …and the run resumes by itself after each: the progress is higher after each pause than during it.
  for (const episode of episodes.slice(0, -1)) {
    const during = samples.filter((s) => s.at >= episode.from && s.at <= episode.to && s.value !== undefined).map((s) => s.value!);
    const after = samples.filter((s) => s.at > episode.to && s.value !== undefined).map((s) => s.value!);
    expect(Math.max(...after)).toBeGreaterThan(Math.max(...during));
  }
  // The last sample shows no pause (gone before the results), and the progress never stalled for long.
  expect(samples.at(-1)!.pause).toBeUndefined();
  let lastChange = samples.find((s) => s.value !== undefined)!;
  let longestStall = 0;
  for (const s of samples) {
    if (s.value === undefined || s.value === lastChange.value) continue;
    longestStall = Math.max(longestStall, s.at - lastChange.at);
    lastChange = s;
  }
  expect(longestStall).toBeLessThan(5000);
  console.log(
    `rate-limit storm: 60 addresses in ${((ended - started) / 1000).toFixed(1)} s, ${backend.log.length} requests (${limited.length} answered 429), ` +
      `${episodes.length} pauses, aria-valuenow took ${new Set(values).size} values, longest stall ${Math.round(longestStall)} ms`,
  );
}, 60_000);
