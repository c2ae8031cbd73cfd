import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `vite build --base /some/path/` builds the console for any base path.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/sharing': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
  build: { target: 'es2022', sourcemap: true },
})
