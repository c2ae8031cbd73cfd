import { BrowserRouter, Navigate, Route, Routes } from 'react-router'
import { MembersPage } from '../features/members/components/members-page.tsx'
import { basePath } from '../lib/base-path.ts'
import { useSession } from '../lib/session.tsx'
import { AppHeader } from './app-header.tsx'

/**
 * Declarative routing: the console has one page, whose state lives in the URL's
 * query. (The data router would add ~15 KB gzip for loaders we do not use.)
 * Mounted only after sign-in, so it starts from the URL the user came back to.
 * Navigations are plain updates, not transitions: the next page or a search
 * is already in the cache when its URL changes, and a transition rendered it
 * in 5 ms slices with the browser's other work between them (bench/README.md).
 */
export function AppRouter() {
  return (
    <BrowserRouter basename={routerBasename(basePath())} useTransitions={false}>
      <AppPage />
    </BrowserRouter>
  )
}

/** The signed-in console below its router: also what the portal server renders as the first screen. */
export function AppPage() {
  const { accessChanged } = useSession()
  return (
    <>
      <AppHeader />
      <main id="main" className="app-main">
        {/*
          Always in the page, empty until needed: a status region that appears with its text is often not read
          out. A live announcer, so a modal dialog open at the time (react-aria hides the rest) does not hide it.
        */}
        <p role="status" className="session-notice" data-live-announcer="true">
          {accessChanged ? 'Your role or privileges changed since you signed in. The page now offers only what you may do.' : ''}
        </p>
        <Routes>
          <Route index element={<MembersPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </>
  )
}

/** React Router's basename for the app's base path ('/x/' → '/x', '/' → '/'). */
export function routerBasename(base: string): string {
  return base.replace(/\/$/, '') || '/'
}
