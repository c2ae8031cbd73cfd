import { beforeEach, describe, expect, it } from 'vitest'
import { adoptFirstScreen, endFirstScreen, isFirstScreenShown } from './show-first-screen.ts'

describe('the end of the first screen', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="first-screen" inert aria-hidden="true"><main>rows</main></div><div id="root"></div>'
  })

  it('goes once the app has drawn its own page in #root', () => {
    expect(isFirstScreenShown()).toBe(true)
    endFirstScreen()
    expect(document.body.innerHTML).toBe('<div id="root"></div>')
    expect(isFirstScreenShown()).toBe(false)
  })

  it('comes alive when the app adopted it: no longer inert or hidden, and the page root', () => {
    const adopted = adoptFirstScreen()
    const main = adopted?.querySelector('main')
    endFirstScreen()
    expect(document.body.children).toHaveLength(1)
    expect(document.body.firstElementChild).toBe(adopted)
    expect(adopted?.id).toBe('root')
    expect(adopted?.hasAttribute('inert')).toBe(false)
    expect(adopted?.hasAttribute('aria-hidden')).toBe(false)
    // The same nodes: nothing was drawn again.
    expect(adopted?.querySelector('main')).toBe(main)
    endFirstScreen()
    expect(document.getElementById('root')).toBe(adopted)
  })
})
