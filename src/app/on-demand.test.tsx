import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { type ReactElement, useState } from 'react'
import { beforeEach, expect, test, vi } from 'vitest'
import { onDemand } from './on-demand.tsx'

type Module = { default: (props: { name: string }) => ReactElement }
const unreachable = (): Promise<Module> => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
const loaded = (): Promise<Module> => Promise.resolve({ default: ({ name }) => <p>Menu for {name}</p> })

beforeEach(() => {
  // React reports the caught error on the console.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

function Page({ part }: { part: ReturnType<typeof onDemand<{ name: string }>> }) {
  const [open, setOpen] = useState(true)
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
