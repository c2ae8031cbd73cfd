/** What every answer of a simulated administrator is checked for, and where the figures go. */

const REQUEST_TIMEOUT_MS = 30_000
const SLOWEST_KEPT = 15

/** A check of a successful answer's shape: returns what is wrong, or undefined. */
export type Expect = (body: any) => string | undefined

export const expectResults: Expect = (b) => (Array.isArray(b.results) ? undefined : 'no results array')
export const expectSuccess: Expect = (b) => (b.success === true ? undefined : 'success is not true')
export const expectUser: Expect = (b) => (typeof b.username === 'string' ? undefined : 'no username')
export const expectTypes: Expect = (b) => (Array.isArray(b.userLicenseTypes) ? undefined : 'no userLicenseTypes')
/** Bulk answers are HTTP 200 even when a member failed: each result must be a success. */
export const expectAllSucceeded: Expect = (b) => {
  if (!Array.isArray(b.results)) return 'no results array'
  const failed = b.results.find((r: { status: string }) => r.status !== 'success')
  return failed ? `${failed.username}: ${failed.error?.messageCode ?? failed.status}` : undefined
}

/** Latencies per kind of request, errors by message, and requests that crossed server processes. */
export class Recorder {
  readonly latencies = new Map<string, number[]>()
  readonly errors = new Map<string, number>()
  requests = 0
  errorCount = 0
  /** Requests sent to a process other than the one that issued the caller's token. */
  crossProcess = 0
  /** The slowest requests, to say which ones make the tail. */
  readonly slowest: { ms: number; request: string }[] = []

  record(kind: string, ms: number, error: string | undefined, crossProcess: boolean, request = kind): void {
    this.requests++
    this.keepIfSlow(ms, request)
    if (crossProcess) this.crossProcess++
    const samples = this.latencies.get(kind) ?? []
    if (samples.length === 0) this.latencies.set(kind, samples)
    samples.push(ms)
    if (error) {
      this.errorCount++
      const key = `${kind}: ${error}`
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1)
    }
  }

  private keepIfSlow(ms: number, request: string): void {
    if (this.slowest.length === SLOWEST_KEPT && ms <= this.slowest.at(-1)!.ms) return
    this.slowest.push({ ms: Math.round(ms), request })
    this.slowest.sort((a, b) => b.ms - a.ms)
    if (this.slowest.length > SLOWEST_KEPT) this.slowest.pop()
  }

  all(): number[] {
    return [...this.latencies.values()].flat()
  }
}

export interface Session {
  /** The REST base of each server process; the session's token works on all of them. */
  servers: string[]
  token: string
  /** The process that issued the token. */
  issuedBy: number
  pickServer(): number
}

/**
 * One REST call as the console makes it (GET with query parameters, or a
 * form-encoded POST), timed from send to parsed body. Any HTTP error, network
 * error, ArcGIS error envelope or unexpected shape counts as an error.
 */
export async function call(
  recorder: Recorder,
  session: Session,
  kind: string,
  request: { path: string; params?: Record<string, string>; method?: 'GET' | 'POST'; expect: Expect },
): Promise<any> {
  const server = session.pickServer()
  const params = new URLSearchParams({ ...request.params, f: 'json', token: session.token })
  const post = request.method === 'POST'
  const url = `${session.servers[server]}/${request.path}${post ? '' : `?${params}`}`
  const started = performance.now()
  let body: any
  let error: string | undefined
  try {
    const answer = await fetch(url, {
      method: request.method ?? 'GET',
      ...(post ? { body: params, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await answer.text()
    if (answer.status !== 200) error = `HTTP ${answer.status}`
    else {
      body = JSON.parse(text)
      error = body.error ? `${body.error.code} ${body.error.messageCode}: ${body.error.message}` : request.expect(body)
    }
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
  }
  const described = `${request.method ?? 'GET'} ${request.path} ${Object.entries(request.params ?? {}).map(([k, v]) => `${k}=${v}`).join('&')}`
  recorder.record(kind, performance.now() - started, error, server !== session.issuedBy, described.trim())
  return error ? undefined : body
}

/** Signs in through `server` with generateToken, as REST JS does; the token is the session. */
export async function signIn(restUrl: string, username: string, password: string): Promise<string> {
  const answer = await fetch(`${restUrl}/generateToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, client: 'referer', referer: 'http://localhost', expiration: '600', f: 'json' }),
  })
  const body = await answer.json()
  if (!body.token) throw new Error(`Sign-in of ${username} failed: ${JSON.stringify(body.error ?? body)}`)
  return body.token
}
