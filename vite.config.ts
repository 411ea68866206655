import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The web app lives in web/; the Fastify server serves web/dist at / and answers /api itself.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: process.env.CLOCK_WEB_DIST ?? fileURLToPath(new URL('./web/dist', import.meta.url)),
    emptyOutDir: true,
    // Libraries in a chunk of their own: they change far less often than the app, so browsers keep them cached
    // across releases. The four sections are chunks of their own too (lazy routes in app.tsx).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] } },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
})
