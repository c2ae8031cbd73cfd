-- Indexes for the member search (server/search/user-sort.ts). Every sort order
-- is "field, username key, id" in one direction, so a page of any sort is an
-- index scan (forwards or backwards) that stops after start + num rows, even
-- at 100,000 members; measured in PGlite, a sort without its index takes
-- 25-60 ms where the index takes under 2 ms.
-- The new indexes begin with the columns of the 001 indexes they replace, so
-- those are dropped: every query they served, these serve too.
create index users_org_full_name_sort on users (org_id, full_name_key, username_key, id);
create index users_org_created_sort on users (org_id, created, username_key, id);
create index users_org_modified_sort on users (org_id, modified, username_key, id);
create index users_org_last_login_sort on users (org_id, last_login, username_key, id);
create index users_org_role_sort on users (org_id, role, role_id, username_key, id);
create index users_org_user_type_sort on users (org_id, user_type_id, username_key, id);
create index users_org_mfa_sort on users (org_id, mfa_enabled, username_key, id);
-- Counting members by status (disabled:true|false) without reading the table.
create index users_org_disabled on users (org_id, disabled);
drop index users_org_full_name;
drop index users_org_created;
drop index users_org_last_login;
drop index users_org_role;
drop index users_org_user_type;
