import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from '../api/search-view.ts'
import { useMembersSearchParams } from './use-members-search-params.ts'

/** Renders the hook inside a memory router at `url`; returns the hook and the live location. */
function setup(url: string) {
  let router: ReturnType<typeof createMemoryRouter> | undefined
  const wrapper = ({ children }: { children: ReactNode }) => {
    router ??= createMemoryRouter([{ path: '/', element: children }], { initialEntries: [url] })
    return <RouterProvider router={router} />
  }
  const hook = renderHook(
    () => {
      const location = useLocation()
      return { ...useMembersSearchParams(), search: location.search }
    },
    { wrapper },
  )
  return { hook, back: () => act(() => void router!.navigate(-1)) }
}

describe('useMembersSearchParams', () => {
  it('reads an empty URL as the default view', () => {
    const { hook } = setup('/')
    expect(hook.result.current.view).toEqual(DEFAULT_VIEW)
    expect(DEFAULT_VIEW).toMatchObject({ q: '', in: 'all', sort: 'fullname', order: 'asc', page: 1, size: 25, role: [], login: [] })
  })

  it('reads every part of the view from the URL', () => {
    const { hook } = setup(
      '/?q=ada&in=email&role=org_admin,org_user&type=creatorUT&status=disabled&signin=over1y&login=arcgis,social&mfa=on&sort=created&order=desc&page=4&size=100',
    )
    expect(hook.result.current.view).toEqual({
      q: 'ada',
      in: 'email',
      role: ['org_admin', 'org_user'],
      type: ['creatorUT'],
      status: 'disabled',
      signin: 'over1y',
      login: ['arcgis', 'social'],
      mfa: 'on',
      sort: 'created',
      order: 'desc',
      page: 4,
      size: 100,
    })
  })

  it('falls back to defaults, value by value, for bad or stale values', () => {
    const { hook } = setup('/?q=ok&in=nope&role=org_admin,bad%20id!,org_admin&status=maybe&signin=5d&login=arcgis,ldap&mfa=1&sort=email&order=up&page=-2&size=30')
    expect(hook.result.current.view).toEqual({ ...DEFAULT_VIEW, q: 'ok', role: ['org_admin'], login: ['arcgis'] })
  })

  it('caps the page where the portal stops paging (the 10,000th hit)', () => {
    expect(setup('/?page=999').hook.result.current.view.page).toBe(400)
    expect(setup('/?page=999&size=100').hook.result.current.view.page).toBe(100)
    expect(setup('/?page=400').hook.result.current.view.page).toBe(400)
  })

  it('reads page=abc and page=2.5 as page 1', () => {
    expect(setup('/?page=abc').hook.result.current.view.page).toBe(1)
    expect(setup('/?page=2.5').hook.result.current.view.page).toBe(1)
  })

  it('writes only what differs from the defaults', () => {
    const { hook } = setup('/')
    act(() => hook.result.current.setView({ role: ['org_user'], sort: 'fullname', order: 'desc' }))
    expect(hook.result.current.search).toBe('?role=org_user&order=desc')
    act(() => hook.result.current.setView({ role: [], order: 'asc' }))
    expect(hook.result.current.search).toBe('')
  })

  it('goes back to page 1 when anything but the page changes', () => {
    const { hook } = setup('/?page=5&size=50')
    act(() => hook.result.current.setView({ q: 'smith' }))
    expect(hook.result.current.view.page).toBe(1)
    expect(hook.result.current.search).toBe('?q=smith&size=50')
    act(() => hook.result.current.setView({ page: 3 }))
    expect(hook.result.current.search).toBe('?q=smith&page=3&size=50')
    act(() => hook.result.current.setView({ size: 100 }))
    expect(hook.result.current.search).toBe('?q=smith&size=100')
  })

  it('keeps URL params that are not part of the view', () => {
    const { hook } = setup('/?profile=ada&q=x')
    act(() => hook.result.current.setView({ mfa: 'off' }))
    expect(new URLSearchParams(hook.result.current.search).get('profile')).toBe('ada')
  })

  it('clears all filters in one step, keeping search and sort', () => {
    const { hook } = setup('/?q=ada&role=org_user&type=creatorUT&status=enabled&signin=never&login=social&mfa=on&sort=created&page=2')
    act(() => hook.result.current.clearFilters())
    expect(hook.result.current.search).toBe('?q=ada&sort=created')
    act(() => hook.result.current.clearFilters({ q: '' }))
    expect(hook.result.current.search).toBe('?sort=created')
  })

  it('adds a history entry per change, so Back restores the previous view', () => {
    const { hook, back } = setup('/?role=org_user')
    act(() => hook.result.current.setView({ status: 'disabled' }))
    expect(hook.result.current.view.status).toBe('disabled')
    back()
    expect(hook.result.current.view).toEqual({ ...DEFAULT_VIEW, role: ['org_user'] })
  })

  it('replaces the entry when asked (typing in the search box)', () => {
    const { hook, back } = setup('/?mfa=on')
    act(() => hook.result.current.setView({ role: ['org_admin'] }))
    act(() => hook.result.current.setView({ q: 'a' }, { replace: true }))
    act(() => hook.result.current.setView({ q: 'ab' }, { replace: true }))
    back()
    expect(hook.result.current.search).toBe('?mfa=on')
  })
})
