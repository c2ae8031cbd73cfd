import { Component, type ReactNode } from 'react'

interface Props {
  children: ReactNode
  /** Closes whatever failed to load (a dialog, a menu), so the page goes on without it. */
  onDismiss: () => void
}

/**
 * Dialogs and menus load on demand. When their code cannot be fetched (a
 * dropped connection, a deploy that removed the old files), only that part
 * fails: a short alert with a way back, while the list and the selection stay.
 * React keeps a failed lazy import failed, so trying again means a reload.
 */
export class LoadFailureBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className="load-failure" role="alert">
        <p>This part of the console could not be loaded. Check the connection, then reload the page.</p>
        <div className="load-failure-actions">
          <button type="button" className="button" onClick={this.props.onDismiss}>
            Close
          </button>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    )
  }
}
