/**
 * Where the console keeps its session (a serialized ArcGISIdentityManager) in
 * sessionStorage. Its own module, free of imports, so the early-request module,
 * the end-to-end tests and the benchmarks read the one name the console writes.
 */
export const SESSION_STORAGE_KEY = 'members-console:session'
