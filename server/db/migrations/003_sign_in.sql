-- Sign-in and OAuth (server/auth/, server/routes/oauth/).

-- The session a token belongs to: the hash of the authorization code that started
-- it. Refreshed and exchanged tokens inherit it, so replaying a used code
-- (RFC 6749 §4.1.2) or signing out ends every token of that session at once.
alter table tokens add column grant_id text;
create index tokens_grant on tokens (grant_id) where grant_id is not null;

-- Expired rate-limit windows are swept by age.
create index sign_in_failures_window on sign_in_failures (window_start);

-- Server-side secrets (e.g. the HMAC key of the sign-in form), created on first use.
create table server_secrets (
  name    text primary key,
  secret  text not null,
  created bigint not null
);
