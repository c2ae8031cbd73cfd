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

// `vite build --base /some/path/` builds the console for any base path.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    proxy: { '/sharing': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
  build: { target: 'es2022', sourcemap: true },
})
