import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component, type ReactElement, type ReactNode, useState } from 'react'
import { beforeEach, expect, test, vi } from 'vitest'
import { onDemand } from './on-demand.tsx'

type Module = { default: (props: { name: string }) => ReactElement }
const unreachable = (): Promise<Module> => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
const loaded = (): Promise<Module> => Promise.resolve({ default: ({ name }) => <p>Menu for {name}</p> })

beforeEach(() => {
  // React reports the caught error on the console.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

function Page({ part, startOpen = true }: { part: ReturnType<typeof onDemand<{ name: string }>>; startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen)
  return (
    <main>
      <h1>Members</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && <part.Component name="ann" onDismiss={() => setOpen(false)} />}
    </main>
  )
}

test('a part whose code cannot be fetched shows an alert with a way back, not a crashed console', async () => {
  const part = onDemand(vi.fn(unreachable))
  render(<Page part={part} />)
  expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded')
  expect(screen.getByRole('heading', { name: 'Members' })).toBeTruthy()
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('alert')).toBeNull()
})

test('"Try again" loads it again, and it opens once its code comes', async () => {
  const load = vi.fn(unreachable).mockImplementationOnce(unreachable).mockImplementation(loaded)
  const part = onDemand(load)
  render(<Page part={part} />)
  await screen.findByRole('alert')
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
  expect((await screen.findByText('Menu for ann')).tagName).toBe('P')
  expect(screen.queryByRole('alert')).toBeNull()
  expect(load).toHaveBeenCalledTimes(2)
})

test('after a failure and Close, the next opening loads again instead of failing at once', async () => {
  const load = vi.fn(unreachable).mockImplementationOnce(unreachable).mockImplementation(loaded)
  const part = onDemand(load)
  render(<Page part={part} />)
  await screen.findByRole('alert')
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  await userEvent.click(screen.getByRole('button', { name: 'Open' }))
  expect(await screen.findByText('Menu for ann')).toBeTruthy()
})

test('a failed preload is not an unhandled rejection, and the opening still loads', async () => {
  const load = vi.fn(unreachable).mockImplementationOnce(unreachable).mockImplementation(loaded)
  const part = onDemand(load)
  part.preload()
  await Promise.resolve()
  render(<Page part={part} />)
  expect(await screen.findByText('Menu for ann')).toBeTruthy()
})

test('focus goes to "Try again" when the part fails, and back to what opened it when the alert closes', async () => {
  const part = onDemand(vi.fn(unreachable))
  render(<Page part={part} startOpen={false} />)
  await userEvent.click(screen.getByRole('button', { name: 'Open' }))
  await screen.findByRole('alert')
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }))
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }))
})

/** Stands for the app's own error boundary. */
class AppBoundary extends Component<{ children: ReactNode; onError(message: string): void }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  componentDidCatch(error: Error) {
    this.props.onError(error.message)
  }
  render() {
    return this.state.failed ? <p>The console stopped.</p> : this.props.children
  }
}

function Broken(): ReactElement {
  throw new Error('a bug in the dialog')
}

test('an error inside a part that did load is not called a loading problem: it goes on to the app', async () => {
  const part = onDemand<{ name: string }>(() => Promise.resolve({ default: Broken }))
  const failure = vi.fn()
  render(
    <AppBoundary onError={failure}>
      <Page part={part} />
    </AppBoundary>,
  )
  expect(await screen.findByText('The console stopped.')).toBeTruthy()
  expect(failure).toHaveBeenCalledWith('a bug in the dialog')
  expect(screen.queryByText(/could not be loaded/)).toBeNull()
})
