/** Where the app lives. No imports: the first module to run (src/first-screen/request-first-screen.ts) needs it. */

/** The app's base path (always ends in '/'), as `vite build --base` set it. */
export function basePath(): string {
  const base = import.meta.env.BASE_URL || '/'
  return base.endsWith('/') ? base : `${base}/`
}

/** Absolute URL of a path inside the app, e.g. appUrl('oauth-callback'). */
export function appUrl(path: string): string {
  return new URL(basePath() + path, window.location.origin).toString()
}
