import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip, constants as zlib } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build, defineConfig, type Plugin } from 'vite'

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
 * Builds src/first-screen/request-first-screen.ts on its own (~2 KB, one
 * classic script) and puts it inline at the top of index.html's head: it runs
 * as soon as the parser starts, before the stylesheet, the module graph or any
 * other file has arrived, so the first screen's request leaves as early as the
 * page can send anything (as a file of its own it left ~20–40 ms later:
 * bench/README.md, "Cold load, fifth look"). The CSP still refuses inline
 * script: the portal server allows this one by its hash (server/console.ts).
 * The bundle's copy of the module reuses its request.
 */
function firstScreenRequestScript(): Plugin {
  const entry = 'virtual:first-screen-request'
  let base = '/'
  let code = ''
  return {
    name: 'members-console:first-screen-request-script',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    async buildStart() {
      const result = await build({
        configFile: false,
        base,
        logLevel: 'warn',
        plugins: [
          {
            name: 'first-screen-request-entry',
            resolveId: (id) => (id === entry ? `\0${entry}` : undefined),
            load: (id) => (id === `\0${entry}` ? `import ${JSON.stringify(resolve('src/first-screen/request-first-screen.ts'))}` : undefined),
          },
        ],
        build: { write: false, target: 'es2022', minify: true, rolldownOptions: { input: entry, output: { format: 'iife' } } },
      })
      code = (Array.isArray(result) ? result[0]! : (result as { output: { code?: string }[] })).output[0]!.code!.trim()
      // Either would end the script element early, or change how it is parsed.
      if (/<\/script|<!--/i.test(code)) throw new Error('firstScreenRequestScript: the built loader holds "</script" or "<!--" and cannot be inlined')
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="UTF-8" \/>\n/i
        if (!charset.test(html)) throw new Error('firstScreenRequestScript: index.html has no <meta charset="UTF-8" />')
        return html.replace(charset, (meta) => `${meta}    <script>${code}</script>\n`)
      },
    },
  }
}

// `vite build --base /some/path/` builds the console for any base path.
export default defineConfig({
  plugins: [react(), precompress(), firstScreenRequestScript()],
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
        // Few files instead of a dozen small shared ones: the entry and what runs first (early-data.ts and
        // what it imports), then the app (start-app.tsx and all it imports); dialogs stay lazy.
        codeSplitting: {
          groups: [
            { name: 'early', test: /[\\/]src[\\/]app[\\/]early-data\.ts$|vite[\\/]preload-helper/, priority: 20 },
            { name: 'app', test: /[\\/]src[\\/]app[\\/]start-app\.tsx$/, priority: 10 },
          ],
        },
      },
    },
  },
})
