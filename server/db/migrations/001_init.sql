-- Schema of the portal server. One dialect: PostgreSQL (PGlite runs the same SQL).
-- Times are epoch milliseconds (bigint), as the ArcGIS REST API reports them.
create extension if not exists pg_trgm;

create table orgs (
  id          text primary key,
  url_key     text not null unique,
  name        text not null,
  description text not null default '',
  max_users   integer not null,
  created     bigint not null,
  modified    bigint not null
);

-- User types ("user license types"): privileges is the ceiling of what a member
-- of this type may hold; max_users the number of seats bought.
create table user_types (
  org_id            text not null references orgs(id),
  id                text not null,
  name              text not null,
  description       text not null default '',
  privileges        text[] not null,
  can_own_content   boolean not null,
  level             integer not null,
  max_users         integer not null,
  primary key (org_id, id)
);

-- Custom roles only; the three default roles (org_admin, org_publisher, org_user)
-- live in server/domain/privileges.ts. base_role is what `role` reports for a
-- member holding this custom role.
create table roles (
  id          text primary key,
  org_id      text not null references orgs(id),
  name        text not null,
  description text not null default '',
  privileges  text[] not null,
  base_role   text not null,
  created     bigint not null,
  modified    bigint not null
);

create table users (
  id                   text primary key,
  org_id               text not null references orgs(id),
  username             text not null,
  full_name            text not null default '',
  first_name           text not null default '',
  last_name            text not null default '',
  email                text not null default '',
  description          text not null default '',
  idp_username         text,
  role                 text not null,            -- org_admin | org_publisher | org_user
  role_id              text references roles(id), -- custom role, when one is held
  user_type_id         text not null,
  provider             text not null default 'arcgis',
  disabled             boolean not null default false,
  mfa_enabled          boolean not null default false,
  access               text not null default 'org',
  culture              text not null default 'en',
  region               text not null default '',
  units                text not null default 'metric',
  tags                 text[] not null default '{}',
  storage_usage        bigint not null default 0,
  storage_quota        bigint not null default 2199023255552,
  last_login           bigint not null default -1,
  created              bigint not null,
  modified             bigint not null,
  password_hash        text,
  must_change_password boolean not null default false,
  -- Search keys, written by the server (server/search/keys.ts): lower-cased,
  -- accents folded, words separated by single spaces, with a leading space so
  -- that "word starts with t" is LIKE '% t%' (pg_trgm indexes it).
  username_key         text not null,
  full_name_key        text not null,
  first_name_key       text not null,
  last_name_key        text not null,
  email_key            text not null,
  search_key           text not null,
  foreign key (org_id, user_type_id) references user_types(org_id, id)
);
create unique index users_username_lower on users (lower(username));
create index users_search_trgm on users using gin (search_key gin_trgm_ops);
create index users_username_trgm on users using gin (username_key gin_trgm_ops);
create index users_full_name_trgm on users using gin (full_name_key gin_trgm_ops);
create index users_first_name_trgm on users using gin (first_name_key gin_trgm_ops);
create index users_last_name_trgm on users using gin (last_name_key gin_trgm_ops);
create index users_email_trgm on users using gin (email_key gin_trgm_ops);
create index users_org_username on users (org_id, username_key, id);
create index users_org_full_name on users (org_id, full_name_key, id);
create index users_org_created on users (org_id, created, id);
create index users_org_last_login on users (org_id, last_login, id);
create index users_org_role on users (org_id, role, role_id);
create index users_org_user_type on users (org_id, user_type_id);
create index users_org_provider on users (org_id, provider);
create index users_org_admins on users (org_id) where role = 'org_admin' and role_id is null and not disabled;

create table folders (
  id        text primary key,
  owner_id  text not null references users(id),
  title     text not null,
  created   bigint not null,
  unique (owner_id, title)
);

create table items (
  id        text primary key,
  owner_id  text not null references users(id),
  folder_id text references folders(id),
  title     text not null,
  type      text not null,
  access    text not null default 'private',
  size      bigint not null default 0,
  created   bigint not null,
  modified  bigint not null
);
create index items_owner on items (owner_id, folder_id);
create index items_folder on items (folder_id);

create table groups (
  id        text primary key,
  org_id    text not null references orgs(id),
  owner_id  text not null references users(id),
  title     text not null,
  description text not null default '',
  access    text not null default 'org',
  created   bigint not null,
  modified  bigint not null
);
create index groups_owner on groups (owner_id);

create table group_members (
  group_id    text not null references groups(id) on delete cascade,
  user_id     text not null references users(id) on delete cascade,
  member_type text not null default 'member', -- owner | admin | member
  joined      bigint not null,
  primary key (group_id, user_id)
);
create index group_members_user on group_members (user_id);

create table oauth_clients (
  client_id     text primary key,
  org_id        text not null references orgs(id),
  name          text not null,
  redirect_uris text[] not null
);

create table oauth_codes (
  code_hash      text primary key,
  client_id      text not null references oauth_clients(client_id),
  user_id        text not null references users(id) on delete cascade,
  redirect_uri   text not null,
  code_challenge text not null,
  expiration_minutes integer not null,
  expires        bigint not null,
  used           boolean not null default false
);

-- Access and refresh tokens, stored as SHA-256 hashes of the random token.
create table tokens (
  token_hash text primary key,
  user_id    text not null references users(id) on delete cascade,
  client_id  text,
  kind       text not null,                -- access | refresh
  -- true when the member must change their password: the token may do nothing else
  restricted boolean not null default false,
  created    bigint not null,
  expires    bigint not null
);
create index tokens_user on tokens (user_id);

-- Failed sign-ins, counted per account and per address inside a time window.
create table sign_in_failures (
  key          text primary key,   -- 'user:<lower username>' | 'ip:<address>'
  window_start bigint not null,
  failures     integer not null
);

create table audit_log (
  id          bigserial primary key,
  org_id      text not null,
  at          bigint not null,
  actor       text not null,       -- username of who acted
  operation   text not null,       -- e.g. updateUserRole, disableUsers
  target      text not null,       -- username acted on
  before      jsonb,
  after       jsonb,
  outcome     text not null,       -- success | failure
  message_code text
);
create index audit_log_target on audit_log (org_id, target, id);
create index audit_log_actor on audit_log (org_id, actor, id);

