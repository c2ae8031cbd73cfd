import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb } from '../../server/db/connection.ts'
import { ensureDemoOrganization } from '../../server/seed/demo.ts'

/**
 * What the browser benchmarks share: a built console and a seeded 100k-member
 * PGlite directory. Both are cached under the temp dir, keyed by a hash of the
 * files that make them (src/ + build config; server/seed + migrations), so the
 * browser scripts of one `npm run bench` build and seed once, and a later run
 * reuses them until those files change. Never the repo's dist/ or .data/.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CACHE = join(tmpdir(), 'members-bench-browser')
/**
 * Cache entries other than the current ones are removed once this old (a run
 * elsewhere may be using them); seeded directories are ~420 MB each, so they go sooner.
 */
const STALE_MS = { console: 6 * 60 * 60_000, data: 15 * 60_000 }

export const BENCH_ADMIN = 'admin'
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password'

/** Hash of every file under `paths` (relative to the repo), by path and content. */
function fingerprint(paths: string[], extra = ''): string {
  const hash = createHash('sha256').update(extra)
  const walk = (path: string) => {
    const full = join(ROOT, path)
    if (!existsSync(full)) return
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(join(path, name))
      return
    }
    hash.update(relative(ROOT, full)).update('\0').update(readFileSync(full)).update('\0')
  }
  for (const path of paths) walk(path)
  return hash.digest('hex').slice(0, 16)
}

function removeStale(prefix: 'console-' | 'data-', keep: string) {
  const maxAge = prefix === 'data-' ? STALE_MS.data : STALE_MS.console
  if (!existsSync(CACHE)) return
  for (const name of readdirSync(CACHE)) {
    const full = join(CACHE, name)
    if (!name.startsWith(prefix) || full === keep) continue
    try {
      if (Date.now() - statSync(full).mtimeMs > maxAge) rmSync(full, { recursive: true, force: true })
    } catch {
      // Removed by someone else meanwhile.
    }
  }
}

/** Builds into `tmp`, then renames it to `dir`: a half-made entry is never mistaken for a finished one. */
async function makeOnce(dir: string, make: (tmp: string) => Promise<void>): Promise<boolean> {
  if (existsSync(dir)) {
    // Marks it as in use, so other runs' clean-up (removeStale) leaves it alone.
    const now = new Date()
    utimesSync(dir, now, now)
    return false
  }
  mkdirSync(CACHE, { recursive: true })
  const tmp = `${dir}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  try {
    await make(tmp)
    if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true })
    else renameSync(tmp, dir)
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true })
    throw error
  }
  return true
}

export interface BuiltConsole {
  dir: string
  /** False when the cached build was reused. */
  built: boolean
  ms: number
  /** Vite's manifest (build --manifest): chunks, their static imports and dynamic imports. */
  manifest: Record<string, ManifestChunk>
}

export interface ManifestChunk {
  file: string
  src?: string
  name?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

/** `vite build` of the console (as `npm run build`, plus a manifest) into the cache; `fresh` rebuilds. */
export async function buildConsole(options: { fresh?: boolean; base?: string } = {}): Promise<BuiltConsole> {
  const base = options.base ?? '/'
  const key = fingerprint(['src', 'index.html', 'vite.config.ts', 'public', 'package-lock.json', 'tsconfig.json'], base)
  const dir = join(CACHE, `console-${key}`)
  if (options.fresh) rmSync(dir, { recursive: true, force: true })
  removeStale('console-', dir)
  const started = performance.now()
  const built = await makeOnce(dir, (tmp) =>
    run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', tmp, '--emptyOutDir', '--manifest', '--base', base, '--logLevel', 'warn']),
  )
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
  return { dir, built, ms: performance.now() - started, manifest }
}

export interface SeededData {
  /** A private copy of the seeded directory for this run (the server writes to it: tokens). */
  dir: string
  members: number
  seeded: boolean
  seedMs: number
  remove(): void
}

/** A PGlite directory holding the demo organization with `members` members (seed 1), copied from the cache. */
export async function seededDataDir(members: number, options: { fresh?: boolean } = {}): Promise<SeededData> {
  const key = fingerprint(['server/seed', 'server/db/migrations', 'server/db/connection.ts', 'package-lock.json'], String(members))
  const cached = join(CACHE, `data-${members}-${key}`)
  if (options.fresh) rmSync(cached, { recursive: true, force: true })
  removeStale('data-', cached)
  const started = performance.now()
  const seeded = await makeOnce(cached, async (tmp) => {
    const db = await openDb({ dataDir: tmp })
    try {
      await ensureDemoOrganization(db, {
        adminUsername: BENCH_ADMIN,
        adminPassword: BENCH_ADMIN_PASSWORD,
        members,
        seed: 1,
        memberPassword: 'bench-member-password',
      })
    } finally {
      await db.close()
    }
  })
  const seedMs = performance.now() - started
  const dir = join(tmpdir(), `members-bench-run-${process.pid}-${Date.now()}`)
  cpSync(cached, dir, { recursive: true })
  return { dir, members, seeded, seedMs, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.slice(0, 2).join(' ')} exited with ${code}`))))
  })
}
