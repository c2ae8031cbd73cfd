import { Component, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

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
 */
export class LoadFailureBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (!this.state.failed) return this.props.children
    // In the body, not where the part would have been (a table cell that clips and does not wrap).
    return createPortal(
      <div className="load-failure" role="alert">
        <p>This part of the console could not be loaded. Check the connection and try again; if it still fails, reload the page.</p>
        <div className="load-failure-actions">
          <button type="button" className="button" onClick={this.props.onDismiss}>
            Close
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="button button-primary" onClick={this.props.onRetry}>
            Try again
          </button>
        </div>
      </div>,
      document.body,
    )
  }
}
