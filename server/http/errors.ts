/**
 * The ArcGIS error envelope: every failure is HTTP 200 with
 * {"error":{code, messageCode, message, details}} (portal-api.md §1).
 */
export class PortalError extends Error {
  constructor(
    readonly code: number,
    readonly messageCode: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message)
  }

  toJSON() {
    return { error: { code: this.code, messageCode: this.messageCode, message: this.message, details: this.details } }
  }
}

export const badRequest = (messageCode: string, message: string, details: unknown[] = []) =>
  new PortalError(400, messageCode, message, details)

export const notPermitted = (message = 'You do not have permissions to access this resource or perform this operation.') =>
  new PortalError(403, 'GWM_0003', message)

export const tokenRequired = () => new PortalError(499, 'GWM_0002', 'Token Required')

export const invalidToken = () => new PortalError(498, 'GWM_0001', 'Invalid token.')

export const userNotFound = (username: string) =>
  new PortalError(400, 'COM_0019', 'User does not exist or is inaccessible.', [`User '${username}' does not exist or is inaccessible.`])

export const notFound = (message: string) => new PortalError(404, 'CONT_0001', message)
