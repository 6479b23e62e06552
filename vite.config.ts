import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The demo app (`npm run dev`): index.html + demo/. The library build lives in tsdown.config.ts.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
});
