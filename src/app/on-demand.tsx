import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useState } from 'react'
import { LoadFailureBoundary, PartLoadError } from './load-failure-boundary.tsx'

interface OnDemand<P> {
  /** Renders the part once its code is in; if the code cannot be fetched, an alert that can try again. */
  Component: ComponentType<P & { onDismiss(): void }>
  /** Starts fetching the code early (on hover or focus of what opens it); a failure here is left to the opening. */
  preload(): void
}

/**
 * A part of the console (a menu, a dialog) whose code loads when first used,
 * keeping it out of the first screen's JavaScript. React keeps a failed lazy
 * component failed for good, so a failure leaves a fresh one for the next try.
 * Whether that try fetches the code again is the browser's call: Chromium
 * does; browsers that remember a failed import() until a reload fail again,
 * and the alert's "Reload" is the way out there.
 */
export function onDemand<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): OnDemand<P> {
  // A failed load puts a fresh component in its place for the next render: the next opening, or "Try again".
  const fresh = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      load().catch((error: unknown) => {
        Part = fresh()
        throw new PartLoadError(error)
      }),
    )
  let Part = fresh()
  // biome-ignore lint/correctness/noComponentHookFactories: made once per part, at module level, as React.lazy is
  function LoadedOnDemand({ onDismiss, ...props }: P & { onDismiss(): void }) {
    const [attempt, setAttempt] = useState(0)
    const Current = Part
    return (
      // A new key: the boundary forgets the failure, and renders the fresh component.
      <LoadFailureBoundary key={attempt} onDismiss={onDismiss} onRetry={() => setAttempt((n) => n + 1)}>
        <Suspense fallback={null}>
          <Current {...(props as unknown as P)} />
        </Suspense>
      </LoadFailureBoundary>
    )
  }
  return {
    Component: LoadedOnDemand,
    preload: () => void load().catch(() => {}),
  }
}
