import type { Browser, BrowserContext, Page } from '@playwright/test'
import { buildConsole, type BuiltConsole, type SeededData, seededDataDir } from './browser-fixture.ts'
import { type ConsoleServer, launchChromium, newSignedInContext, type PortalSession, signIn, startConsoleServer } from './browser.ts'

/** Everything a browser benchmark runs against: the built console, served on the seeded organization, and chromium. */
export interface BrowserBench {
  build: BuiltConsole
  data: SeededData
  server: ConsoleServer
  session: PortalSession
  browser: Browser
  /** A fresh signed-in context and page (the row probe installed). */
  open(): Promise<{ context: BrowserContext; page: Page }>
  close(): Promise<void>
}

export async function startBrowserBench(options: { members: number; fresh?: boolean }): Promise<BrowserBench> {
  const build = await buildConsole({ fresh: options.fresh })
  console.log(`Console ${build.built ? 'built' : 'build reused'} (${(build.ms / 1000).toFixed(1)} s)`)
  const data = await seededDataDir(options.members, { fresh: options.fresh })
  console.log(`${options.members.toLocaleString('en-US')} members ${data.seeded ? 'seeded' : 'reused'} (${(data.seedMs / 1000).toFixed(1)} s)`)
  let server: ConsoleServer | undefined
  let browser: Browser | undefined
  try {
    server = await startConsoleServer(data.dir, build.dir)
    const session = await signIn(server)
    browser = await launchChromium()
    const opened = browser
    const close = async () => {
      await opened.close()
      await server!.stop()
      data.remove()
    }
    const open = async () => {
      const context = await newSignedInContext(opened, session)
      return { context, page: await context.newPage() }
    }
    return { build, data, server, session, browser, open, close }
  } catch (error) {
    await browser?.close()
    await server?.stop()
    data.remove()
    throw error
  }
}
