// Shared set-up for component tests.
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup())

// findBy*/waitFor wait up to 5 s, not 1 s: dialogs and menus load lazily, and the first
// import of their chunk took 0.9–1.1 s while a CI run shared the machine (a test failed at 1,060 ms).
configure({ asyncUtilTimeout: 5_000 })
