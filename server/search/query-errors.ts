import { PortalError } from '../http/errors.ts'

/** A malformed `q`: 400 INVALID_QUERY, saying what is wrong and where (1-based position). */
export function invalidQuery(problem: string, position?: number): PortalError {
  const where = position === undefined ? '' : ` (at position ${position})`
  return new PortalError(400, 'INVALID_QUERY', `Invalid query: ${problem}${where}.`, position === undefined ? [] : [{ position }])
}
