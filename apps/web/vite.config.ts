import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `npm run dev`, API calls and the API docs go to a locally running `madoguchi serve`;
// MADOGUCHI_API_URL points elsewhere when it listens on another address.
const apiUrl = process.env.MADOGUCHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': apiUrl, '/docs': apiUrl } },
});
