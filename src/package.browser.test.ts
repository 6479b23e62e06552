/**
 * The built package in Chromium: the draft from dist/ reads a list in the built intake worker, found at
 * the URL the build wrote (`new URL('./intake-worker.js', import.meta.url)` beside the chunk), as a
 * host's bundler would serve it. `npm test` builds dist/ before vitest runs.
 */
import { expect, it } from 'vitest';

interface BuiltDraft {
  load(input: string): Promise<{ status: string }>;
  getSnapshot(): { summary: { total: number; valid: number; invalid: number; duplicate: number } };
}

it('the built draft reads a list in the built intake worker', async () => {
  // A runtime URL, so that type-checking the sources never needs dist/.
  const url = new URL('../dist/core.js', import.meta.url).href;
  const core = (await import(/* @vite-ignore */ url)) as { createInviteDraft(options: object): BuiltDraft };
  const draft = core.createInviteDraft({ roles: ['member'], workerThreshold: 0 });
  const outcome = await draft.load('ann@example.com\nbob@example.org\nANN@example.com\nnot-an-address\n');
  expect(outcome.status).toBe('loaded');
  expect(draft.getSnapshot().summary).toMatchObject({ total: 4, valid: 2, invalid: 1, duplicate: 1 });
});
