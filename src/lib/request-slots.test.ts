import { describe, expect, it } from 'vitest'
import { createRequestSlots } from './request-slots.ts'

/** A task that runs until `finish` is called, recording how many ran at once. */
function tracker() {
  let running = 0
  let most = 0
  const started: number[] = []
  const finishers = new Map<number, () => void>()
  const task = (id: number) => () =>
    new Promise<number>((resolve) => {
      started.push(id)
      running++
      most = Math.max(most, running)
      finishers.set(id, () => {
        running--
        resolve(id)
      })
    })
  const finish = async (id: number) => {
    finishers.get(id)!()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { task, finish, started, most: () => most }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createRequestSlots', () => {
  it('runs at most `slots` tasks at once, the others in the order they came', async () => {
    const run = createRequestSlots(2)
    const t = tracker()
    const results = [1, 2, 3, 4, 5].map((id) => run(t.task(id)))
    await settle()
    expect(t.started).toEqual([1, 2])
    await t.finish(2)
    expect(t.started).toEqual([1, 2, 3])
    // A task arriving as a slot is handed over does not take it as well.
    const late = run(t.task(6))
    await t.finish(1)
    expect(t.started).toEqual([1, 2, 3, 4])
    for (const id of [3, 4, 5, 6]) await t.finish(id)
    expect(await Promise.all([...results, late])).toEqual([1, 2, 3, 4, 5, 6])
    expect(t.most()).toBe(2)
  })

  it('a waiting task whose signal aborts never runs, and frees its place in the queue', async () => {
    const run = createRequestSlots(1)
    const t = tracker()
    const first = run(t.task(1))
    const abort = new AbortController()
    const dropped = run(t.task(2), abort.signal)
    const third = run(t.task(3))
    abort.abort(new Error('dialog closed'))
    await expect(dropped).rejects.toThrow('dialog closed')
    await t.finish(1)
    expect(t.started).toEqual([1, 3])
    await t.finish(3)
    expect(await Promise.all([first, third])).toEqual([1, 3])
  })

  it('a failed task gives its slot back', async () => {
    const run = createRequestSlots(1)
    await expect(run(() => Promise.reject(new Error('HTTP 500')))).rejects.toThrow('HTTP 500')
    await expect(run(async () => 'next')).resolves.toBe('next')
  })
})
