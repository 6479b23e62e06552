import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect, type ReactNode } from 'react';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { BulkInviteProvider, english, german } from '../src/react/index.ts';
// What a host imports as `react-bulk-invite/styles.css`.
import '../src/components/styles.css';
import './preview.css';

type Theme = 'light' | 'dark';

/**
 * Forces the toolbar's theme on `<html>` (where a host sets it): Radix portals the dialog to `<body>`, so a
 * class on a wrapper inside the story would not reach it.
 */
function ThemeRoot({ theme, lang, children }: { theme: Theme; lang: string; children: ReactNode }) {
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.remove('rbi-theme-light', 'rbi-theme-dark');
    root.classList.add(`rbi-theme-${theme}`);
    root.lang = lang;
  }, [theme, lang]);
  return <>{children}</>;
}

/** Every story sits in the toolbar's theme and in a `BulkInviteProvider` with the toolbar's language. */
const withKit: Decorator = (Story, { globals }) => {
  const theme: Theme = globals.theme === 'dark' ? 'dark' : 'light';
  const locale = globals.locale === 'de' ? german : english;
  return (
    <ThemeRoot theme={theme} lang={locale.code}>
      <BulkInviteProvider locale={locale}>
        <Story />
      </BulkInviteProvider>
    </ThemeRoot>
  );
};

const preview: Preview = {
  // One msw worker for every story: the addon's. Stories on the vendor mocks pass their handlers as
  // `parameters.msw.handlers`; nothing else may start a worker (msw warns of a "redundant worker.start()").
  loaders: [mswLoader()],
  decorators: [withKit],
  globalTypes: {
    theme: {
      description: 'The kit’s theme (rbi-theme-light / rbi-theme-dark on <html>)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The kit’s language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'de', title: 'Deutsch', right: 'de' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  // axe runs on every story in the test run; a violation fails it.
  parameters: { a11y: { test: 'error' } },
};

export default preview;
