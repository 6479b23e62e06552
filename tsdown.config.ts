import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core/index.ts', cli: 'src/cli/main.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  external: [/^node:/],
});
