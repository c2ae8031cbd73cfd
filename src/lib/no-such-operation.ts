/**
 * Whether a portal's answer says it has no such operation (an extension it
 * lacks): HTTP 404, or the "Invalid URL" envelope ArcGIS answers for one it
 * does not know. Not an envelope with code 404: that is a member, item or
 * folder not found. Free of imports: the first screen's loader uses it too.
 */
export function isNoSuchOperation(httpStatus: number | undefined, error: { messageCode?: string; message?: string } | undefined): boolean {
  return httpStatus === 404 || error?.messageCode === 'INVALID_URL' || /^invalid url/i.test(error?.message ?? '')
}
