import type { Db } from '../db/connection.ts'

export interface DemoOptions {
  adminUsername: string
  adminPassword?: string
  members: number
  seed: number
  memberPassword: string
}

/** Placeholder until the demo seeder lands: creates nothing. */
export async function ensureDemoOrganization(_db: Db, _options: DemoOptions): Promise<string | undefined> {
  return undefined
}
