import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { lazy, Suspense } from 'react'
import { expect, test, vi } from 'vitest'
import { LoadFailureBoundary } from './load-failure-boundary.tsx'

test('a part whose code cannot be fetched shows an alert with a way back, not a crashed console', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const Unreachable = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
  const onDismiss = vi.fn()
  render(
    <main>
      <h1>Members</h1>
      <LoadFailureBoundary onDismiss={onDismiss}>
        <Suspense fallback={null}>
          <Unreachable />
        </Suspense>
      </LoadFailureBoundary>
    </main>,
  )
  expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded')
  expect(screen.getByRole('heading', { name: 'Members' })).toBeTruthy()
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(onDismiss).toHaveBeenCalledOnce()
})
