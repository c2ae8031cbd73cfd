import { seededRandom } from '../server/seed/random.ts'
import { type Phase, runAdministrator } from './load-client.ts'
import { LOAD_ADMIN_PASSWORD, loadAdminName, type OwnMember } from './load-database.ts'
import { Recorder, type Session, signIn } from './load-http.ts'
import { percentile, round2, roundSummary, type Summary, summarize } from './lib/stats.ts'

export interface LoadRunOptions {
  /** REST base of each server process; each request goes to one of them at random. */
  servers: string[]
  clients: number
  seconds: number
  warmupSeconds: number
  think: [number, number]
  /** Members each client changes, one slice per client. */
  own: OwnMember[][]
  sampleUsernames: string[]
  seed: number
}

export interface LoadRunResult {
  processes: number
  clients: number
  seconds: number
  requests: number
  errors: number
  requestsPerSecond: number
  latency: Summary & { p99: number }
  byKind: Record<string, Summary & { p99: number }>
  /** Requests that used a token issued by another process (two-process runs). */
  crossProcessRequests: number
  /** The most frequent error messages with their counts. */
  errorSamples: Record<string, number>
  /** The slowest requests: what makes the tail. */
  slowest: { ms: number; request: string }[]
}

/**
 * Signs every simulated administrator in (through a random process), runs them
 * all for a warm-up that is not recorded, then for the measured window.
 */
export async function runLoad(options: LoadRunOptions): Promise<LoadRunResult> {
  const sessions = await signInAll(options)
  const runPhase = async (phase: Phase) =>
    Promise.all(
      sessions.map((session, i) =>
        runAdministrator(
          { session, random: seededRandom(options.seed * 1000 + i), own: options.own[i]!, sampleUsernames: options.sampleUsernames, think: options.think },
          phase,
        ),
      ),
    )
  if (options.warmupSeconds > 0) await runPhase({ recorder: new Recorder(), endsAt: performance.now() + options.warmupSeconds * 1000 })
  const recorder = new Recorder()
  const started = performance.now()
  await runPhase({ recorder, endsAt: started + options.seconds * 1000 })
  const elapsedSeconds = (performance.now() - started) / 1000
  return summarizeRun(options, recorder, elapsedSeconds)
}

async function signInAll(options: LoadRunOptions): Promise<Session[]> {
  const pick = seededRandom(options.seed)
  const sessions: Session[] = []
  // A few at a time: each sign-in is a deliberate scrypt, and this is set-up, not the measured load.
  for (let i = 0; i < options.clients; i += 4) {
    const batch = Array.from({ length: Math.min(4, options.clients - i) }, async (_, j) => {
      const issuedBy = pick.int(0, options.servers.length - 1)
      const token = await signIn(options.servers[issuedBy]!, loadAdminName(i + j), LOAD_ADMIN_PASSWORD)
      const route = seededRandom(options.seed * 7919 + i + j)
      return { servers: options.servers, token, issuedBy, pickServer: () => route.int(0, options.servers.length - 1) }
    })
    sessions.push(...(await Promise.all(batch)))
  }
  return sessions
}

const withP99 = (samples: number[]) => ({ ...roundSummary(summarize(samples)), p99: round2(percentile(samples, 99)) })

function summarizeRun(options: LoadRunOptions, recorder: Recorder, elapsedSeconds: number): LoadRunResult {
  const byKind = Object.fromEntries([...recorder.latencies].sort(([a], [b]) => a.localeCompare(b)).map(([kind, samples]) => [kind, withP99(samples)]))
  const errorSamples = Object.fromEntries([...recorder.errors].sort((a, b) => b[1] - a[1]).slice(0, 10))
  return {
    processes: options.servers.length,
    clients: options.clients,
    seconds: round2(elapsedSeconds),
    requests: recorder.requests,
    errors: recorder.errorCount,
    requestsPerSecond: round2(recorder.requests / elapsedSeconds),
    latency: withP99(recorder.all()),
    byKind,
    crossProcessRequests: recorder.crossProcess,
    errorSamples,
    slowest: recorder.slowest,
  }
}
