import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDb } from '../../server/db/connection.ts'

/**
 * Kill -9 in the middle of "move everything" (2,000 items in 6 folders and 3
 * groups, one transaction), on a PGlite data directory: after a restart either
 * all of it moved or none of it did. The server runs in a child process
 * (kill-child.ts) that holds the transaction right after a chosen statement
 * and says "HELD"; only then is it killed, so each kill point is certain,
 * not a matter of timing.
 */
const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const children = new Set<ChildProcess>()
let workDir: string
let template: string

interface Child {
  proc: ChildProcess
  port: number
  token: string
  held: Promise<void>
  exited: Promise<void>
}

function startChild(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.add(proc)
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  exited.then(() => children.delete(proc))
  let onHeld!: () => void
  const held = new Promise<void>((resolve) => (onHeld = resolve))
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`child exited with ${code} before it was ready`)))
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const ready = line.match(/^READY (\d+) (\S+)$/)
      if (ready) resolve({ proc, port: Number(ready[1]), token: ready[2]!, held, exited })
      if (line === 'HELD') onHeld()
    })
  })
}

const reassignEverything = (child: Child) =>
  fetch(`http://127.0.0.1:${child.port}/sharing/rest/community/users/hoarder/reassign`, {
    method: 'POST',
    body: new URLSearchParams({ f: 'json', token: child.token, targetUsername: 'publisher' }),
  })

/** The database as a restarted server finds it. */
async function stateOf(dataDir: string) {
  const db = await openDb({ dataDir })
  try {
    const owned = async (username: string) =>
      db.query<{ folder: string; n: number }>(
        `select coalesce(f.title, '') as folder, count(i.id)::int as n
           from users u join items i on i.owner_id = u.id left join folders f on f.id = i.folder_id
          where u.username = $1 group by 1 order by 1`,
        [username],
      )
    const folders = await db.query<{ username: string; title: string }>(
      "select u.username, f.title from folders f join users u on u.id = f.owner_id where u.username in ('hoarder', 'publisher') order by 1, 2",
    )
    const groups = await db.query<{ username: string; n: number }>(
      "select u.username, count(*)::int as n from groups g join users u on u.id = g.owner_id group by 1 order by 1",
    )
    const [totals] = await db.query<{ items: number; groups: number }>(
      'select (select count(*)::int from items) as items, (select count(*)::int from groups) as groups',
    )
    const tally = (rows: Array<{ folder: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.folder, r.n]))
    return {
      hoarder: tally(await owned('hoarder')),
      publisher: tally(await owned('publisher')),
      folders: folders.map((f) => `${f.username}/${f.title}`),
      groups: Object.fromEntries(groups.map((g) => [g.username, g.n])),
      totals,
    }
  } finally {
    await db.close()
  }
}

const FOLDERS = ['F0', 'F1', 'F2', 'F3', 'F4']
const NOTHING_MOVED = {
  hoarder: { '': 200, ...Object.fromEntries(FOLDERS.map((f) => [f, 360])) },
  publisher: {},
  folders: FOLDERS.map((f) => `hoarder/${f}`),
  groups: { hoarder: 3, owner: 1 },
  totals: { items: 2003, groups: 4 },
}
const ALL_MOVED = {
  hoarder: {},
  publisher: { hoarder_root: 200, ...Object.fromEntries(FOLDERS.map((f) => [`hoarder_${f}`, 360])) },
  folders: ['hoarder_F0', 'hoarder_F1', 'hoarder_F2', 'hoarder_F3', 'hoarder_F4', 'hoarder_root'].map((f) => `publisher/${f}`),
  groups: { owner: 1, publisher: 3 },
  totals: { items: 2003, groups: 4 },
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kill-reassign-'))
  template = join(workDir, 'template')
  const seeding = spawn(process.execPath, ['--import', 'tsx', CHILD, template], { cwd: ROOT, env: { ...process.env, KILL_CHILD_SEED: '1' }, stdio: 'inherit' })
  const code = await new Promise((resolve) => seeding.once('exit', resolve))
  expect(code).toBe(0)
  expect(await stateOf(template)).toEqual(NOTHING_MOVED)
}, 120_000)

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describe('kill -9 during "move everything", then restart', () => {
  test.each([
    ['after the first batch of items moved', 'with moved as \\(\\s*update items#1', NOTHING_MOVED],
    ['after four of six folders moved', 'with moved as \\(\\s*update items#4', NOTHING_MOVED],
    ['after the groups changed owner', 'update groups#1', NOTHING_MOVED],
    ["after the source's folders were deleted", 'delete from folders#1', NOTHING_MOVED],
    ['after the audit record, just before COMMIT', 'insert into audit_log#1', NOTHING_MOVED],
    ['after COMMIT, before the answer was sent', 'after-commit', ALL_MOVED],
  ])('%s', async (_label, hold, expected) => {
    const dataDir = join(workDir, `run-${Math.random().toString(16).slice(2)}`)
    await cp(template, dataDir, { recursive: true })

    const child = await startChild(dataDir, { KILL_CHILD_HOLD: hold })
    const answer = reassignEverything(child).then((r) => r.json()).catch((error: Error) => error)
    await child.held
    child.proc.kill('SIGKILL')
    await child.exited
    expect(await answer).toBeInstanceOf(Error) // the connection died with the server
    expect(await stateOf(dataDir)).toEqual(expected)

    // The restarted server on the same directory finishes the job in one go.
    const again = await startChild(dataDir)
    expect(await (await reassignEverything(again)).json()).toEqual({ success: true })
    again.proc.kill('SIGTERM')
    await again.exited
    expect(await stateOf(dataDir)).toEqual(ALL_MOVED)
  }, 120_000)
})
