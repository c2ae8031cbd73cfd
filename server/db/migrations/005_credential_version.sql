-- A member's credential version goes up whenever all their sessions must end
-- (an administrator resets the password, disables the member). Every token and
-- authorization code carries the version current when the credentials were
-- checked, and only a matching one is accepted: a sign-in whose password check
-- overlapped a reset or a disable gets a token that never works, even though it
-- was stored after the reset deleted the member's tokens.
alter table users add column credential_version integer not null default 0;
alter table tokens add column credential_version integer not null default 0;
alter table oauth_codes add column credential_version integer not null default 0;
