/**
 * Screenshots of every step, light and dark, English and German, wide and narrow, for a person to look
 * at (nothing is compared). Not part of `npm test`: `npm run screenshots` writes them to
 * `__screenshots__/` beside this file.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ExistingEntry } from '../../core/index.ts';
import { createFakeVendor } from '../../core/testing/index.ts';
import { english, german } from '../../react/index.ts';
import '../styles.css';
import { BulkInviteDialog } from './index.ts';

const LIST = [
  'Ann Lee <ann@example.com>',
  'bob@example.com',
  'not-an-address',
  'ANN@example.com',
  'carla@gmial.com',
  'Mia Member <mia@example.com>',
  'pat@example.com',
  'dan@example.com; eve@example.com',
  'Bartholomäus Müller-Lüdenscheidt <bartholomaeus.mueller-luedenscheidt@verwaltungsgemeinschaft.example>',
  'fay@@example.com',
  ...Array.from({ length: 30 }, (_, i) => `person.${i}@example.org`),
].join('\n');

const shot = (name: string) => page.screenshot({ path: `__screenshots__/dialog/${name}.png` });

describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [code, locale] of [['en', english], ['de', german]] as const) {
      for (const [width, height] of [[1280, 860], [390, 780]] as const) {
        const tag = `${theme}-${code}-${width}`;
        it(tag, async () => {
          await page.viewport(width, height);
          document.documentElement.classList.toggle('rbi-theme-dark', theme === 'dark');
          document.documentElement.classList.toggle('rbi-theme-light', theme === 'light');
          document.body.style.background = 'var(--rbi-color-bg)';
          const vendor = createFakeVendor({
            maxBatchSize: 2,
            latencyMs: 200,
            refuses: (email) => email === 'eve@example.com',
            fault: (request) => (request.number === 4 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 4000 } : null),
          });
          const words = locale.ui;
          await render(
            <BulkInviteDialog
              adapter={vendor}
              locale={locale}
              concurrency={1}
              roles={['member', 'admin', 'viewer']}
              defaultRole="member"
              checkExisting={async (emails) => emails.flatMap((email): ExistingEntry[] => (email === 'mia@example.com' ? [{ email, status: 'member' }] : email === 'pat@example.com' ? [{ email, status: 'invited' }] : []))}
              resend={async () => {}}
              targets={[
                { name: 'websites', label: code === 'de' ? 'Websites' : 'Websites', multiple: true, required: true, options: [{ value: 'a', label: 'example.com' }, { value: 'b', label: 'shop.example.com' }], defaultValue: ['a'] },
                { name: 'method', label: code === 'de' ? 'Wie Personen hinzukommen' : 'How to add people', options: [{ value: 'email', label: code === 'de' ? 'Einladung per E-Mail' : 'Send an invitation email' }, { value: 'direct', label: code === 'de' ? 'Direkt hinzufügen' : 'Add directly' }], defaultValue: 'email', required: true },
              ]}
              sendOptions={{ rateLimit: false, retry: { maxAttempts: 3, baseDelayMs: 10 } }}
            />,
          );
          await userEvent.click(page.getByRole('button', { name: words.dialogTitle(undefined, null as never) }));
          await expect.element(page.getByRole('dialog')).toBeVisible();
          await new Promise((r) => setTimeout(r, 250));
          await shot(`${tag}-1-compose`);
          await userEvent.fill(page.getByLabelText(words.recipientsLabel(undefined, null as never)), LIST);
          await userEvent.click(page.getByRole('button', { name: words.review(undefined, null as never), exact: true }));
          await expect.element(page.getByRole('grid')).toBeVisible();
          await new Promise((r) => setTimeout(r, 400));
          await shot(`${tag}-2-review`);
          await userEvent.click(page.getByRole('button', { name: code === 'de' ? /Einladungen senden$/ : /^Send \d+ invitations$/ }));
          await new Promise((r) => setTimeout(r, 300));
          await shot(`${tag}-3-problems`);
          await userEvent.click(page.getByRole('button', { name: code === 'de' ? /gültige senden/ : /^Send \d+ valid/ }).first());
          await expect.element(page.getByRole('progressbar')).toBeVisible();
          await new Promise((r) => setTimeout(r, 1300));
          await shot(`${tag}-4-sending`);
          await userEvent.keyboard('{Escape}');
          await expect.element(page.getByRole('alertdialog')).toBeVisible();
          await new Promise((r) => setTimeout(r, 200));
          await shot(`${tag}-5-stop`);
          await userEvent.keyboard('{Escape}');
          await expect.element(page.getByRole('table'), { timeout: 30_000 }).toBeVisible();
          await new Promise((r) => setTimeout(r, 400));
          await shot(`${tag}-6-results`);
        }, 60_000);
      }
    }
  }
});
