-- Monthly totals of per-completion exports, checked by the same rules as the build.
-- Run by scripts/aggregate.ts (npm run aggregate -- IN_DIR OUT_DIR) in DuckDB; plain SQL, so it
-- runs on a warehouse too, once the relations and variables below are defined there.
--
-- Input, defined by the caller:
--   completions(export_id INTEGER, snapshot_date DATE, completion_id VARCHAR,
--               completed_on VARCHAR, course_code VARCHAR, course_name VARCHAR,
--               field_code VARCHAR, credits VARCHAR, has_quote BOOLEAN)
--     every row of every export, every value as the text the export holds (a typed CSV reader
--     would round a field code 6.5 to 7 and read credits 5e1 as 50); has_quote: some value of
--     the row holds a " (see problems);
--   getvariable('period_start') DATE;
--   after `values`: judged(col VARCHAR, text VARCHAR, day DATE, field INTEGER, centi INTEGER),
--     each distinct value of `values` as the contract's own parsers read it (null: refused).
-- No rule of a value is written here: which text is a date, a field code or credits is decided
-- by the contract's code (src/lib/contract/value-rules.ts, the build's readers' own), once for
-- each distinct text, of which an export has a few thousand whatever its size. This SQL only
-- trims (as the contract trims), groups, joins, counts and sums.
-- Statements are separated by `-- name:` lines; the caller runs them in this order.
-- (The caller sets preserve_insertion_order = false: the rows' order matters to no statement,
-- and keeping it makes the one pass slower. Grouping by the texts as the file is read, then
-- reading the ids again for the duplicate check, halves the memory but costs a second parse:
-- 12.1 s of processor time against 10.8 s on 10 M rows, measured.)

-- name: macros
-- The contract's trimming (the caller puts the characters it trims where the double braces
-- stand). Trimming by a list of characters costs (about three times a plain read), so it is done
-- only where the first or the last character may be one of them: a code point below 33 or above 159.
create or replace temp macro may_trim(c) as c < 33 or c > 159;
create or replace temp macro contract_trim(x) as
  case when may_trim(ascii(x)) or may_trim(ascii(x[-1])) then trim(x, {{trimmed}}) else x end;
-- Whether a value is empty once trimmed: a value of trimmed characters only starts with one.
-- (A case, not `or`/`and`: DuckDB works out both sides of those for every row.)
create or replace temp macro contract_blank(x) as
  case when x is null or x = '' then true when may_trim(ascii(x)) then trim(x, {{trimmed}}) = '' else false end;

-- name: cells
-- The one pass over the exports: each row kept as its id's 64-bit hash, its flags and the texts
-- of the three values totals depend on (short strings, which DuckDB keeps inline); then the rows
-- grouped by those texts (an export has a few thousand such groups whatever its size).
create or replace temp table rows as
select
  export_id,
  snapshot_date,
  hash(contract_trim(completion_id)) as id_hash,
  contract_blank(completion_id) as no_id,
  contract_blank(course_code) or contract_blank(course_name) as no_course,
  has_quote,
  completed_on,
  field_code,
  credits
from completions;
create or replace temp table cells as
select
  export_id,
  snapshot_date,
  completed_on,
  field_code,
  credits,
  count(*) as n,
  count(*) filter (where no_id) as no_id,
  count(*) filter (where no_course) as no_course,
  count(*) filter (where has_quote) as has_quote
from rows
group by all;

-- name: values
-- Every distinct text of the three columns, for the contract to judge.
select distinct 'completed_on' as col, completed_on as text from cells
union all select distinct 'field_code', field_code from cells
union all select distinct 'credits', credits from cells;

-- name: judge
-- What the contract made of each text, beside the groups.
create or replace temp table judged_cells as
select c.*, d.day, f.field, k.centi
from cells c
left join judged d on d.col = 'completed_on' and d.text is not distinct from c.completed_on
left join judged f on f.col = 'field_code' and f.text is not distinct from c.field_code
left join judged k on k.col = 'credits' and k.text is not distinct from c.credits;

-- name: problems
-- Rows that break each rule, by export (a row may break more than one), with a value to show.
select export_id, problem, sum(rows) as rows, min(example) as example
from (
  select export_id, 1 as problem, has_quote as rows, '' as example from judged_cells where has_quote > 0
  union all select export_id, 2, no_id, '' from judged_cells where no_id > 0
  union all select export_id, 3, n, coalesce(completed_on, '') from judged_cells where day is null
  union all select export_id, 4, n, completed_on from judged_cells where day < getvariable('period_start')
  union all select export_id, 5, n, completed_on from judged_cells where day > snapshot_date
  union all select export_id, 6, n, coalesce(field_code, '') from judged_cells where field is null
  union all select export_id, 7, n, coalesce(credits, '') from judged_cells where centi is null
  union all select export_id, 8, no_course, '' from judged_cells where no_course > 0
)
group by export_id, problem
order by export_id, problem;

-- name: duplicates
-- Repeated completion ids within an export, counted by the ids' 64-bit hashes: a set of numbers
-- costs a fraction of a set of strings. The caller names the ids exactly (statement ids) only
-- where this finds a repeat, so a hash collision (about one in 10^12 at 10 M rows) costs a look,
-- never a wrong message.
select export_id, count(*) - count(distinct id_hash) as repeats
from rows
where not no_id
group by export_id
having repeats > 0;

-- name: ids
-- The repeated ids of one export (getvariable('export_id')), a few of them, trimmed as the build trims them.
select contract_trim(completion_id) as completion_id, count(*) as times
from completions
where export_id = getvariable('export_id') and coalesce(contract_trim(completion_id), '') <> ''
group by 1
having count(*) > 1
order by 1
limit 5;

-- name: totals
-- The monthly-totals export of each input export: the rows the dashboard reads.
select export_id, strftime(day, '%Y-%m') as month, field as field_code, sum(centi * n) as centi, sum(n) as completions
from judged_cells
group by export_id, month, field
order by export_id, month, field_code;
