import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { pgliteImage } from '../../server/db/connection.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty PGlite database image (a tar file) every test file's database starts from; '' on PostgreSQL. */
    pgliteImage: string
  }
}

/**
 * Once per server test run: creating a PGlite database costs an initdb and
 * every migration (about 4 s); starting from this image costs about 1 s, in
 * each of the suite's test files.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteImage', '')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'members-pglite-image-'))
  const file = join(dir, 'migrated.tar')
  writeFileSync(file, Buffer.from(await (await pgliteImage()).arrayBuffer()))
  project.provide('pgliteImage', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
