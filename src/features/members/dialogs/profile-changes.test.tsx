import type { UseQueryResult } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PortalRequestError } from '../../../lib/portal-client.ts'
import type { AuditLogEntry } from '../api/get-audit-log.ts'
import { ProfileChanges } from './profile-changes.tsx'

type ChangesQuery = UseQueryResult<{ total: number; entries: AuditLogEntry[] }>
const failed = (error: Error) => ({ error, data: undefined }) as unknown as ChangesQuery

describe('Recent changes in the member profile', () => {
  it('a portal without the audit log (a real ArcGIS portal: "Invalid URL", or HTTP 404) is said so, not shown as a failure', () => {
    const { unmount } = render(<ProfileChanges query={failed(new PortalRequestError('Invalid URL', 400, 'INVALID_URL'))} />)
    expect(screen.getByText('This portal keeps no change history the console can read.')).toBeTruthy()
    expect(screen.queryByText(/could not be loaded/)).toBeNull()
    unmount()
    render(<ProfileChanges query={failed(new PortalRequestError('Not Found', 404, '', [], 404))} />)
    expect(screen.getByText('This portal keeps no change history the console can read.')).toBeTruthy()
  })

  it('any other failure is shown with its message', () => {
    render(<ProfileChanges query={failed(new PortalRequestError('You do not have permissions to access this resource.', 403, 'GWM_0003'))} />)
    expect(screen.getByText('The change history could not be loaded: You do not have permissions to access this resource.')).toBeTruthy()
  })
})
