/**
 * A Node module hook (registered by main.ts): a stylesheet imported by the
 * console's components (`import './x.css'`, which Vite bundles) is an empty
 * module on the server, which imports those components to render the first
 * screen (routes/console/first-screen.ts). The browser gets the styles from the build.
 */
export async function load(url, context, nextLoad) {
  if (new URL(url).pathname.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true }
  return nextLoad(url, context)
}
