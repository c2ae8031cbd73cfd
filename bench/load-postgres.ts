import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface BenchPostgres {
  /** A fresh, empty database for this run. */
  url: string
  /** Where it runs, for the results. */
  label: string
  close(): Promise<void>
}

/**
 * A fresh PostgreSQL database for the load test: a new database on the server
 * at `serverUrl` (dropped at the end), or, without one, a throwaway cluster on
 * 127.0.0.1 started the way .ci/run does (removed at the end).
 */
export async function openBenchPostgres(serverUrl: string | undefined): Promise<BenchPostgres> {
  if (serverUrl) return freshDatabaseOn(serverUrl, 'PostgreSQL (given server)')
  const cluster = await startThrowawayCluster()
  try {
    const database = await freshDatabaseOn(cluster.url, `PostgreSQL ${cluster.version} (throwaway cluster)`)
    return { ...database, close: async () => { await database.close(); cluster.stop() } }
  } catch (error) {
    cluster.stop()
    throw error
  }
}

async function freshDatabaseOn(serverUrl: string, label: string): Promise<BenchPostgres> {
  const name = `members_load_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    // The name is generated above from digits and letters, never from input.
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    label,
    async close() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}

interface Cluster {
  url: string
  version: string
  stop(): void
}

/** initdb + pg_ctl start as the postgres user (initdb refuses root), trust auth, loopback only. */
async function startThrowawayCluster(): Promise<Cluster> {
  const bin = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'members-load-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dir, uid('postgres'), gid('postgres'))
  const run = (command: string) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' })
    else execFileSync('/bin/sh', ['-c', command], { stdio: 'pipe' })
  }
  const port = await freePort()
  const data = join(dir, 'data')
  const stop = () => {
    try {
      run(`'${bin}/pg_ctl' -D '${data}' -m immediate stop`)
    } catch {
      // Already stopped, or never started: the directory goes either way.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    run(`'${bin}/initdb' -D '${data}' -U postgres -A trust -E UTF8 --locale=C.UTF-8`)
    // Production-like durability (fsync on); shared_buffers large enough to hold the 100k-member table and its indexes.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k '${dir}' -c max_connections=200 -c shared_buffers=256MB`
    run(`'${bin}/pg_ctl' -D '${data}' -l '${dir}/log' -w -o "${options}" start`)
  } catch (error) {
    stop()
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${errorText(error)}`)
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version: bin.split('/').at(-2) ?? '', stop }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1)
  if (!newest)
    throw new Error('No PostgreSQL found (/usr/lib/postgresql/*/bin/initdb): install the Debian package postgresql, or set PG_BENCH_URL.')
  return join(root, newest, 'bin')
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim())
const gid = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim())

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function errorText(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
  return stderr || (error instanceof Error ? error.message : String(error))
}
