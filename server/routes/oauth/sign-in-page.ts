import type { AuthorizeRequest } from './authorize-request.ts'
import { html, type SafeHtml } from './html.ts'

/**
 * The server-rendered sign-in pages of oauth2/authorize: plain HTML forms that
 * work without JavaScript, styled by sign-in.css (the CSP allows no inline
 * script or style). Every interpolated value goes through `html`, which escapes it.
 */

function layout(title: string, theme: 'light' | 'dark', body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en" class="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="sign-in.css">
<link rel="icon" href="data:,">
</head>
<body>
<main class="panel">
${body}
</main>
</body>
</html>
`.value
}

function errorRegion(message: string | undefined) {
  return message ? html`<div class="error" id="form-error" role="alert"><p>${message}</p></div>` : ''
}

function carriedInputs(request: AuthorizeRequest, formToken: string) {
  return html`${Object.entries(request.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}<input type="hidden" name="form_token" value="${formToken}">`
}

/** Where the app lives, shown so a person can tell a genuine sign-in from a look-alike. */
function returnNote(request: AuthorizeRequest) {
  let where = request.redirectUri
  try {
    const url = new URL(request.redirectUri)
    if (url.protocol === 'http:' || url.protocol === 'https:') where = url.host
  } catch {}
  return html`<p class="note">After signing in you return to <span class="where">${where}</span>.</p>`
}

export interface FormView {
  request: AuthorizeRequest
  formToken: string
  error?: string
  username?: string
}

export function renderSignInPage({ request, formToken, error, username = '' }: FormView): string {
  const invalid = error ? html` aria-invalid="true" aria-describedby="form-error"` : ''
  return layout(
    `Sign in – ${request.client.orgName}`,
    request.theme,
    html`<p class="org">${request.client.orgName}</p>
<h1>Sign in</h1>
<p class="lead">to continue to <strong>${request.client.name}</strong></p>
${errorRegion(error)}
<form method="post" action="authorize">
${carriedInputs(request, formToken)}
<div class="field">
<label for="username">Username</label>
<input id="username" name="username" type="text" value="${username}" autocomplete="username" autocapitalize="none" spellcheck="false" required${username ? '' : html` autofocus`}${invalid}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username ? html` autofocus` : ''}${invalid}>
</div>
<button type="submit">Sign in</button>
</form>
${returnNote(request)}`,
  )
}

export function renderChangePasswordPage({ request, formToken, error, username = '' }: FormView): string {
  return layout(
    `Choose a new password – ${request.client.orgName}`,
    request.theme,
    html`<p class="org">${request.client.orgName}</p>
<h1>Choose a new password</h1>
<p class="lead">The password of <strong>${username}</strong> was reset by an administrator. Choose your own to continue to <strong>${request.client.name}</strong>.</p>
${errorRegion(error)}
<form method="post" action="authorize">
${carriedInputs(request, formToken)}
<input type="hidden" name="step" value="change-password">
<div class="field">
<label for="username">Username</label>
<input id="username" name="username" type="text" value="${username}" autocomplete="username" readonly>
</div>
<div class="field">
<label for="password">Current password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
</div>
<div class="field">
<label for="new-password">New password</label>
<input id="new-password" name="new_password" type="password" autocomplete="new-password" minlength="8" required aria-describedby="new-password-hint">
<p class="hint" id="new-password-hint">At least 8 characters, different from your username and current password.</p>
</div>
<div class="field">
<label for="confirm-password">Confirm new password</label>
<input id="confirm-password" name="confirm_password" type="password" autocomplete="new-password" minlength="8" required>
</div>
<button type="submit">Change password and continue</button>
</form>
${returnNote(request)}`,
  )
}

export function renderErrorPage(message: string, theme: 'light' | 'dark' = 'light'): string {
  return layout(
    'Sign-in cannot continue',
    theme,
    html`<h1>Sign-in cannot continue</h1>
${errorRegion(message)}
<p class="note">Go back to the app and start signing in again. If this keeps happening, tell the app’s administrator.</p>`,
  )
}
