import { createHash, timingSafeEqual } from 'node:crypto'

// RFC 7636 §4.1: a verifier is 43-128 unreserved characters; an S256 challenge
// is the base64url SHA-256 of it, always 43 characters.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

export const isS256Challenge = (challenge: string) => S256_CHALLENGE.test(challenge)

export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

/** Whether the verifier hashes to the challenge stored with the code. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false
  const expected = Buffer.from(challenge)
  const actual = Buffer.from(s256(verifier))
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
