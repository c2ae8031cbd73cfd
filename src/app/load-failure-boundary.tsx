import { Component, createRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { focusIsLost } from '../lib/focus.ts'

/** A part's code could not be fetched (on-demand.tsx marks it): the only failure this boundary handles. */
export class PartLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'PartLoadError'
  }
}

interface Props {
  children: ReactNode
  /** Closes whatever failed to load (a dialog, a menu), so the page goes on without it. */
  onDismiss: () => void
  /** Loads it again (on-demand.tsx), for when the connection is back. */
  onRetry: () => void
}

/**
 * Dialogs and menus load on demand. When their code cannot be fetched (a
 * dropped connection, a deploy that removed the old files), only that part
 * fails: a short alert with a way back, while the list and the selection stay.
 * Any other error is not a loading problem and goes on to the app's boundary.
 */
export class LoadFailureBoundary extends Component<Props, { error: unknown }> {
  state = { error: null as unknown }
  private readonly alert = createRef<HTMLDivElement>()
  private readonly retryButton = createRef<HTMLButtonElement>()
  /** What had focus when the part failed (its trigger): it gets focus back when the alert goes. */
  private returnFocusTo: Element | null = null

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  componentDidUpdate(_: Props, previous: { error: unknown }) {
    if (previous.error || !this.state.error) return
    this.returnFocusTo = document.activeElement
    // The alert sits at the end of the body: without this, a keyboard user would Tab through the page to reach it.
    this.retryButton.current?.focus()
  }

  componentWillUnmount() {
    const target = this.returnFocusTo
    // In the alert, focus goes with it.
    const lost = focusIsLost() || this.alert.current?.contains(document.activeElement)
    if (lost && target instanceof HTMLElement && target.isConnected) target.focus()
  }

  render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (!(error instanceof PartLoadError)) throw error
    // In the body, not where the part would have been (a table cell that clips and does not wrap).
    return createPortal(
      <div ref={this.alert} className="load-failure" role="alert">
        <p>This part of the console could not be loaded. Check the connection and try again; if it still fails, reload the page.</p>
        <div className="load-failure-actions">
          <button type="button" className="button" onClick={this.props.onDismiss}>
            Close
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button ref={this.retryButton} type="button" className="button button-primary" onClick={this.props.onRetry}>
            Try again
          </button>
        </div>
      </div>,
      document.body,
    )
  }
}
