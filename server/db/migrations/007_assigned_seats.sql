-- The seats each user type has taken, kept by the database as members come,
-- go or change type: reading them used to count the organization's members on
-- every read of portals/self/userLicenseTypes (13 ms of PGlite's time at
-- 100,000 members), and the total of a search over the whole organization is
-- their sum (9 ms more). Statement triggers, so a seed inserting thousands of
-- members updates each type's row once. Their rows are locked in one order
-- (org, type), and with FOR NO KEY UPDATE, the lock an UPDATE of the count
-- takes anyway: it does not conflict with the KEY SHARE lock that the foreign
-- key check of the same insert or move took a moment before, so two writers of
-- the same types queue instead of deadlocking. (A change of type through the
-- API also takes the organization lock first: server/domain/member-change.ts.)
-- Rows are paired by id: nothing changes a member's id. Whatever bypasses
-- triggers (session_replication_role = replica, truncating users alone) would
-- leave the counts wrong.
-- No member may come or go between the count below and the triggers.
lock table users in share row exclusive mode;
alter table user_types add column assigned_users integer not null default 0;
update user_types t set assigned_users = (select count(*) from users u where u.org_id = t.org_id and u.user_type_id = t.id);

-- Adds each (org, type, n) of `deltas` to the type's seats.
create function add_assigned_seats(deltas jsonb) returns void language plpgsql as $$
begin
  if jsonb_array_length(deltas) = 0 then
    return;
  end if;
  perform 1 from user_types t
    join jsonb_to_recordset(deltas) as d(org_id text, user_type_id text, n integer) on t.org_id = d.org_id and t.id = d.user_type_id
   order by t.org_id, t.id
     for no key update of t;
  update user_types t set assigned_users = t.assigned_users + d.n
    from jsonb_to_recordset(deltas) as d(org_id text, user_type_id text, n integer)
   where t.org_id = d.org_id and t.id = d.user_type_id;
end $$;

create function count_seats_after_insert() returns trigger language plpgsql as $$
begin
  perform add_assigned_seats((select coalesce(jsonb_agg(d), '[]') from (
    select org_id, user_type_id, count(*)::int as n from added group by 1, 2) d));
  return null;
end $$;

create function count_seats_after_delete() returns trigger language plpgsql as $$
begin
  perform add_assigned_seats((select coalesce(jsonb_agg(d), '[]') from (
    select org_id, user_type_id, -count(*)::int as n from removed group by 1, 2) d));
  return null;
end $$;

-- Most updates (sign-ins, roles, profiles) change no type: then nothing is locked or written.
create function count_seats_after_update() returns trigger language plpgsql as $$
begin
  perform add_assigned_seats((select coalesce(jsonb_agg(d), '[]') from (
    select m.org_id, m.user_type_id, sum(m.n)::int as n
      from removed o join added a on a.id = o.id
     cross join lateral (values (o.org_id, o.user_type_id, -1), (a.org_id, a.user_type_id, 1)) as m(org_id, user_type_id, n)
     where (a.org_id, a.user_type_id) is distinct from (o.org_id, o.user_type_id)
     group by 1, 2) d));
  return null;
end $$;

create trigger users_seats_insert after insert on users referencing new table as added for each statement execute function count_seats_after_insert();
create trigger users_seats_delete after delete on users referencing old table as removed for each statement execute function count_seats_after_delete();
create trigger users_seats_update after update on users referencing old table as removed new table as added for each statement execute function count_seats_after_update();
