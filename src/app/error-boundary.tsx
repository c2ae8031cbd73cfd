import { Component, type ErrorInfo, type ReactNode } from 'react'
import { endFirstScreen } from '../first-screen/show-first-screen.ts'

interface State {
  error: Error | null
}

/** Last line of defence: a render error shows a plain message and a way out, not a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Members console crashed', error, info.componentStack)
    // The message must be seen: not behind the server's first screen, nor inside it while it is inert.
    endFirstScreen()
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <main className="status-page">
        <div className="status-card" role="alert">
          <h1>Something went wrong</h1>
          <p>The console hit an unexpected error: {this.state.error.message}</p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload the console
          </button>
        </div>
      </main>
    )
  }
}
