import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip, constants as zlib } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and style of the
 * build, once, at Brotli's and gzip's best levels: the portal server
 * (server/console-assets.ts) sends them to browsers that take them, so
 * nothing is compressed while serving or at its start.
 */
function precompress(): Plugin {
  return {
    name: 'members-console:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))
      await Promise.all(
        files.map(async (name) => {
          const path = join(options.dir!, name)
          const raw = await readFile(path)
          await writeFile(`${path}.br`, await brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }))
          await writeFile(`${path}.gz`, await gzipAsync(raw, { level: 9 }))
        }),
      )
    },
  }
}

/**
 * main.tsx imports the app (src/app/start-app.tsx) only once the first screen
 * is painted; this has the browser fetch it, and the chunks it needs, from
 * the start instead of then (modulepreload: fetched and compiled, not run).
 */
function preloadApp(): Plugin {
  let base = '/'
  return {
    name: 'members-console:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const app = Object.values(bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/src/app/start-app.tsx'))
        if (app?.type !== 'chunk') throw new Error('preloadApp: no chunk for src/app/start-app.tsx')
        return [app.fileName, ...app.imports]
          .filter((file) => !html.includes(`${base}${file}`))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }))
      },
    },
  }
}

// `vite build --base /some/path/` builds the console for any base path.
export default defineConfig({
  plugins: [react(), precompress(), preloadApp()],
  server: {
    host: '127.0.0.1',
    proxy: { '/sharing': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
  // One stylesheet, in index.html: the server-rendered first screen is drawn before the app's script runs.
  build: {
    target: 'es2022',
    sourcemap: true,
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Three initial files instead of a dozen small shared ones: what runs first (early-data.ts and
        // what it imports), the app (start-app.tsx and all it imports), and the entry; dialogs stay lazy.
        codeSplitting: {
          groups: [
            { name: 'early', test: /[\\/]src[\\/]app[\\/]early-data\.ts$/, priority: 20 },
            { name: 'app', test: /[\\/]src[\\/]app[\\/]start-app\.tsx$/, priority: 10 },
          ],
        },
      },
    },
  },
})
