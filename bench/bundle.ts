/**
 * npx tsx bench/bundle.ts [--fresh]
 *
 * The console's initial JavaScript: builds it (vite build with a manifest, into
 * a temp dir, never dist/), takes what every load runs — index.html's inline
 * script (the first screen's request), its module scripts, their static
 * imports, transitively, its
 * modulepreload links, and the app (src/app/start-app.tsx, imported by
 * main.tsx once the first screen is painted) with its static imports — and
 * gzips each (zlib level 6, a server's usual setting). Lazy chunks are listed
 * apart; every action dialog and the profile panel must be one of them, never
 * in the initial JavaScript. Target (quality.md): ≤ 150 KB gzip, dialogs load on demand.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { buildConsole, type ManifestChunk } from './lib/browser-fixture.ts'
import { writeResult } from './lib/results.ts'
import { printTable } from './lib/table.ts'
import type { Figure } from './run-figures.ts'

const TARGET_KB = 150
/** Imported by main.tsx on every load (not on demand): part of the initial JavaScript. */
const ALWAYS_IMPORTED = ['src/app/start-app.tsx']
/** Loaded on demand (members-console.md: dialogs and the profile panel); the popovers are lazy too. */
const MUST_BE_LAZY = [
  'src/features/members/dialogs/change-role-dialog.tsx',
  'src/features/members/dialogs/user-type-dialog.tsx',
  'src/features/members/dialogs/reset-password-dialog.tsx',
  'src/features/members/dialogs/disable-dialog.tsx',
  'src/features/members/dialogs/enable-dialog.tsx',
  'src/features/members/dialogs/delete-dialog.tsx',
  'src/features/members/dialogs/profile-dialog.tsx',
]

const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } })
const build = await buildConsole({ fresh: values.fresh })
const manifest = build.manifest
const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]))
const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100
const sizeOf = (file: string) => {
  const bytes = readFileSync(join(build.dir, file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length }
}

// What index.html loads at once: module scripts and modulepreload links.
const html = readFileSync(join(build.dir, 'index.html'), 'utf8')
const base = (/<script[^>]+src="([^"]*?)assets\//.exec(html)?.[1] ?? '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const fromHtml = [...html.matchAll(/<(?:script[^>]+type="module"[^>]*src|link[^>]+rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!.replace(new RegExp(`^${base}`), ''))

// The same from the manifest: the entry and its static imports, transitively.
const initial = new Set<string>()
const addStatic = (key: string) => {
  const chunk = manifest[key]!
  if (initial.has(chunk.file)) return
  initial.add(chunk.file)
  for (const imported of chunk.imports ?? []) addStatic(imported)
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) addStatic(key)
const missing = [...initial].filter((file) => !fromHtml.includes(file))
const extra = fromHtml.filter((file) => file.endsWith('.js') && !initial.has(file))
for (const key of ALWAYS_IMPORTED) {
  if (!manifest[key]) throw new Error(`${key} is not in the build`)
  addStatic(key)
}

// Inline scripts (the first screen's request, built apart from the module graph: vite.config.ts).
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m, n) => ({
  file: `index.html, inline script ${n + 1}`,
  raw: Buffer.byteLength(m[1]!),
  gzip: gzipSync(m[1]!, { level: 6 }).length,
}))
const initialFiles = [...inline, ...[...new Set([...initial, ...extra])].map((file) => ({ file, ...sizeOf(file) }))]
const initialGzip = initialFiles.reduce((sum, f) => sum + f.gzip, 0)
const initialRaw = initialFiles.reduce((sum, f) => sum + f.raw, 0)
const lazyFiles = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js') && !initial.has(chunk.file))
  .map((chunk: ManifestChunk) => ({ file: chunk.file, src: chunk.src ?? chunk.name ?? '', dynamic: Boolean(chunk.isDynamicEntry), ...sizeOf(chunk.file) }))
  .sort((a, b) => b.gzip - a.gzip)
const initialCss = [...new Set(Object.values(manifest).filter((c) => initial.has(c.file)).flatMap((c) => c.css ?? []))].map((file) => ({ file, ...sizeOf(file) }))

// Each must-be-lazy module is its own dynamic entry, outside the initial set.
const lazyCheck = MUST_BE_LAZY.map((src) => {
  const chunk = manifest[src]
  const lazy = Boolean(chunk?.isDynamicEntry && !initial.has(chunk.file))
  return { src, file: chunk?.file ?? null, lazy }
})
const notLazy = lazyCheck.filter((c) => !c.lazy)

console.log(`Console ${build.built ? 'built' : 'build reused'}: ${build.dir}\n\nInitial JavaScript (what every load runs):`)
printTable(['file', 'raw KB', 'gzip KB'], initialFiles.map((f) => [f.file, kb(f.raw), kb(f.gzip)]))
console.log(`Total ${kb(initialGzip)} KB gzip (${kb(initialRaw)} KB raw); target ≤ ${TARGET_KB} KB`)
if (missing.length || extra.length) console.log(`index.html and the manifest differ: not in html ${missing.join(', ') || '—'}; not in manifest ${extra.join(', ') || '—'}`)
console.log('\nLazy chunks (loaded on demand):')
printTable(['file', 'from', 'gzip KB'], lazyFiles.map((f) => [f.file, f.src, kb(f.gzip)]))
console.log(notLazy.length ? `\nNOT lazy: ${notLazy.map((c) => c.src).join(', ')}` : `\nAll ${MUST_BE_LAZY.length} dialogs (profile panel included) load on demand.`)
if (byFile.size === 0) process.exitCode = 1

const pass = initialGzip / 1024 <= TARGET_KB && notLazy.length === 0
const figures: Figure[] = [
  {
    figure: 'initial JavaScript, gzip',
    unit: 'KB',
    median: kb(initialGzip),
    p95: null,
    target: `≤ ${TARGET_KB} KB; dialogs load on demand`,
    ratio: null,
    pass,
    note: `${initialFiles.length} ${initialFiles.length === 1 ? 'file' : 'files'}; ${lazyFiles.length} lazy chunks (${kb(lazyFiles.reduce((s, f) => s + f.gzip, 0))} KB); ${
      notLazy.length ? `NOT lazy: ${notLazy.map((c) => c.src.split('/').pop()).join(', ')}` : `all ${MUST_BE_LAZY.length} dialogs incl. profile on demand`
    }`,
  },
]
writeResult('bundle', {
  gzipLevel: 6,
  initial: { gzipKB: kb(initialGzip), rawKB: kb(initialRaw), files: initialFiles.map((f) => ({ file: f.file, rawKB: kb(f.raw), gzipKB: kb(f.gzip) })) },
  initialCss: initialCss.map((f) => ({ file: f.file, gzipKB: kb(f.gzip) })),
  htmlMatchesManifest: missing.length === 0 && extra.length === 0,
  lazy: lazyFiles.map((f) => ({ file: f.file, from: f.src, dynamicEntry: f.dynamic, gzipKB: kb(f.gzip) })),
  dialogs: lazyCheck,
  figures,
})
