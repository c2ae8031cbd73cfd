import { LogIn } from '../lib/icons.ts'
import { useState } from 'react'
import { AppHeader } from './app-header.tsx'

export function StartingPage() {
  return (
    <main className="status-page" aria-busy="true">
      <p className="status-card">Loading the Members console…</p>
    </main>
  )
}

export function SignInPage(props: { notice?: string; error?: string; onSignIn: () => Promise<void> }) {
  const [leaving, setLeaving] = useState(false)
  return (
    <main className="status-page">
      <div className="status-card">
        <h1>Members</h1>
        {props.notice && <p role="status">{props.notice}</p>}
        {props.error && (
          <p role="alert" className="text-error">
            Signing in did not complete: {props.error}
          </p>
        )}
        <p>Sign in with your organization account to manage its members.</p>
        <button
          type="button"
          className="button button-primary"
          disabled={leaving}
          onClick={() => {
            setLeaving(true)
            // Embedded, sign-in happens in a pop-up and this page stays: ready again once it ends.
            props.onSignIn().finally(() => setLeaving(false))
          }}
        >
          <LogIn aria-hidden="true" size={16} />
          Sign in
        </button>
      </div>
    </main>
  )
}

export function StartupFailedPage(props: { error: string; onRetry: () => void }) {
  return (
    <main className="status-page">
      <div className="status-card" role="alert">
        <h1>Could not reach the portal</h1>
        <p>{props.error}</p>
        <button type="button" className="button button-primary" onClick={props.onRetry}>
          Retry
        </button>
      </div>
    </main>
  )
}

/** Signed in, but without portal:admin:viewUsers: say so plainly instead of showing an empty table. */
export function NoAccessPage() {
  return (
    <>
      <AppHeader />
      <main className="status-page" id="main">
        <div className="status-card">
          <h1>You need administrator privileges</h1>
          <p>
            The Members console is for organization administrators. Your account can sign in, but it does not hold
            the privilege to view the organization's members. Ask an administrator of your organization for access.
          </p>
        </div>
      </main>
    </>
  )
}
