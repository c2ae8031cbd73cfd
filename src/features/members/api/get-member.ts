import { portalRequest } from '../../../lib/portal-client.ts'
import type { Member } from '../types.ts'

export function getMember(username: string, signal?: AbortSignal): Promise<Member> {
  return portalRequest<Member>(`community/users/${encodeURIComponent(username)}`, {}, { method: 'GET', signal })
}
