import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from './load-postgres.ts'
import type { Where } from './load-database.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const STARTUP_TIMEOUT_MS = 120_000

export interface ServerProcess {
  pid: number
  restUrl: string
  stop(): Promise<void>
}

/**
 * Starts `server/main.ts` in its own Node process, as `npm start` runs it,
 * on the seeded database (SEED_MEMBERS=0: it must not seed), and resolves
 * once it listens and, on PGlite, has read the search pages into memory (its
 * warm-up after a start, server/db/warm-up.ts, ~1–3 s at 100,000 members):
 * what is timed is a server that has been up a while. Separate processes share nothing but the database, which
 * is what "any number of server processes behind a load balancer" promises.
 */
export async function startServerProcess(where: Where, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEED_MEMBERS: '0', ...extraEnv }
  delete env.DATABASE_URL
  delete env.DATA_DIR
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl
  else env.DATA_DIR = where.dataDir
  // node --import tsx: one process whose pid is the server's own (npx/tsx would put a wrapper in between).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  await waitForListening(child, port, output)
  if (!where.databaseUrl) {
    const line = await waitForOutput(child, WARM_UP_DONE, output)
    if (line.includes('were not read')) console.warn(`Server ${child.pid}: ${line}`)
  }
  return {
    pid: child.pid!,
    restUrl: `http://127.0.0.1:${port}/sharing/rest`,
    stop: () => stopChild(child),
  }
}

async function waitForListening(child: ChildProcess, port: number, output: string[]): Promise<void> {
  const started = Date.now()
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (exited) throw new Error(`The server process exited while starting:\n${output.join('')}`)
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/sharing/rest/portals/self?f=json`)
      if (answer.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stopChild(child)
  throw new Error(`The server process did not listen within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.join('')}`)
}

/** What main.ts prints once its warm-up is over: done, or failed (the server then works, only colder). */
const WARM_UP_DONE = /Search pages (read|were not read) into memory.*/

/** Waits for a line of the server's output; returns it. */
async function waitForOutput(child: ChildProcess, pattern: RegExp, output: string[]): Promise<string> {
  const started = Date.now()
  for (;;) {
    const match = output.join('').match(pattern)
    if (match) return match[0]
    if (child.exitCode !== null) throw new Error(`The server process exited while starting:\n${output.join('')}`)
    if (Date.now() - started > STARTUP_TIMEOUT_MS) {
      await stopChild(child)
      throw new Error(`The server process did not print ${pattern} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.join('')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** SIGTERM (main.ts closes the server and the database), SIGKILL if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
