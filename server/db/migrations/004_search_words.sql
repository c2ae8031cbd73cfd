-- Exact word-prefix search (server/search/user-query-compiler.ts, wordIndex).
--
-- A bare term of one word (`smith`, `m*`) means "some word of search_key
-- starts with it": search_key LIKE '% smith%'. pg_trgm's index answers that
-- LIKE only approximately, so every candidate row is read and the LIKE run
-- again on it; for a broad prefix that is most of the table (q=m: 45,000
-- rechecks at 100,000 members). The words of search_key as a tsvector answer
-- the same question exactly: `search_words @@ 'smith':*` needs no recheck, and
-- an index can carry the words along, so a count of "type X and a word
-- starting with m" is read from one index alone.
--
-- Words are search_key's space-separated words (letters and digits only, see
-- keys.ts) taken as lexemes as they are (array_to_tsvector: no parser, no
-- stemming, any script), each cut to its first 100 characters so no lexeme can
-- exceed tsvector's limit; longer prefixes keep using the LIKE.
create function search_key_words(key text) returns tsvector language sql immutable parallel safe as $$ select array_to_tsvector(array_remove(string_to_array(regexp_replace(btrim(key), '([^ ]{100})[^ ]+', '\1', 'g'), ' '), '')) $$;
alter table users add column search_words tsvector generated always as (search_key_words(search_key)) stored;
create index users_search_words on users using gin (search_words);

-- The user type filter with a typed name (the console's most used pair): the
-- type's members and their words from one index, no table reads. At 100,000
-- members, `userlicensetype:creatorUT AND m*` counted 19,449 hits in ~10 ms
-- this way, against ~30 ms through the word index and the table. A separate
-- index: carrying the words in users_org_user_type_sort makes it twice as
-- big, and the planner then counts members by type with a table scan.
create index users_org_user_type_words on users (org_id, user_type_id) include (search_words);
