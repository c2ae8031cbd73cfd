import { portalRequest } from '../../../lib/portal-client.ts'

export interface AuditLogEntry {
  id: number
  at: number
  actor: string
  operation: string
  target: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  outcome: 'success' | 'failure'
  messageCode: string | null
}

interface AuditLogResponse {
  total: number
  entries: AuditLogEntry[]
}

/** Extension (full administrators only): the newest changes made to one member. */
export function getAuditLog(target: string, num = 10, signal?: AbortSignal): Promise<AuditLogResponse> {
  return portalRequest<AuditLogResponse>('portals/self/auditLog', { target, start: 1, num }, { method: 'GET', signal })
}
