import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../demo/demo.css';

const preview: Preview = {
  // Stories on the vendor mocks declare `parameters.msw.handlers`; the loader starts the worker.
  loaders: [mswLoader()],
  // axe runs on every story in the test run; a violation fails it.
  parameters: { a11y: { test: 'error' } },
};

export default preview;
