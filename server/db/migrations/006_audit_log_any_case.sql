-- Usernames are case-insensitive, and refusals are logged with the name as the
-- request spelled it: the target and actor filters compare lower-cased, so a
-- member's history shows every attempt on them, however it was typed.
drop index audit_log_target;
drop index audit_log_actor;
create index audit_log_target on audit_log (org_id, lower(target), id);
create index audit_log_actor on audit_log (org_id, lower(actor), id);
