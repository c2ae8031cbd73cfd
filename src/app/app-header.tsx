import { LogOut, UserRound } from '../lib/icons.ts'
import { useState } from 'react'
import { useSession } from '../lib/session.tsx'

/** Organization, who is signed in, and sign out. */
export function AppHeader() {
  const session = useSession()
  const [signingOut, setSigningOut] = useState(false)
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <span className="app-header-org">{session.orgName}</span>
      <div className="app-header-user">
        <UserRound aria-hidden="true" size={16} />
        <span>
          Signed in as <strong>{session.fullName}</strong>{' '}
          <span className="text-muted">({session.username})</span>
        </span>
        <button
          type="button"
          className="button button-quiet"
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true)
            void session.signOut()
          }}
        >
          <LogOut aria-hidden="true" size={16} />
          Sign out
        </button>
      </div>
    </header>
  )
}
