import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // Serves /mockServiceWorker.js for stories that run on the vendor mocks.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
