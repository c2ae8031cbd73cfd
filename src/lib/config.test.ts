import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

const respond = (body: unknown, ok = true) => (async () => ({ ok, json: async () => body })) as unknown as typeof fetch

describe('loadConfig', () => {
  it('reads portalUrl (without a trailing slash) and clientId', async () => {
    await expect(loadConfig(respond({ portalUrl: 'https://org.example.com/portal/sharing/rest/', clientId: 'abc' }))).resolves.toEqual({
      portalUrl: 'https://org.example.com/portal/sharing/rest',
      clientId: 'abc',
    })
  })

  it('defaults to the server it is served by when config.json is missing or wrong', async () => {
    const defaults = { portalUrl: `${window.location.origin}/sharing/rest`, clientId: 'members-console' }
    await expect(loadConfig(respond({}, false))).resolves.toEqual(defaults)
    await expect(loadConfig(respond({ portalUrl: 'not a url', clientId: '' }))).resolves.toEqual(defaults)
    await expect(loadConfig((async () => Promise.reject(new Error('offline'))) as unknown as typeof fetch)).resolves.toEqual(defaults)
  })
})
