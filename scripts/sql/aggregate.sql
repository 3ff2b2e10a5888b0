-- Monthly totals of per-completion exports, with the checks a database makes cheaply.
-- Run by scripts/aggregate.ts (npm run aggregate -- IN_DIR OUT_DIR) in DuckDB; plain SQL, so it
-- runs on a warehouse too, once `completions` and the three variables below are defined there.
--
-- Input, defined by the caller:
--   completions(export_id INTEGER, snapshot_date DATE, completion_id VARCHAR,
--               completed_on VARCHAR, field_code VARCHAR, credits VARCHAR)
--     every row of every export, values as text (the contract allows a decimal comma and
--     d.m.yyyy dates, which a typed CSV reader would refuse or misread);
--   getvariable('period_start') DATE, getvariable('field_codes') INTEGER[].
-- Statements are separated by `-- name:` lines; the caller runs `rows` first, then the others.
-- (The caller sets preserve_insertion_order = false: the rows' order matters to no statement,
-- and keeping it makes the one pass slower.)

-- name: rows
-- The one pass over the exports: each row parsed, given the first rule it breaks (0: none), and
-- kept as a few numbers (its id as a 64-bit hash), so that the totals, the problems and the
-- duplicate check all read this table and the files are read once.
create or replace temp table rows as
with parsed as (
  select
    export_id,
    snapshot_date,
    completion_id,
    completed_on,
    field_code,
    credits,
    trim(credits) as credits_trimmed,
    -- YYYY-MM-DD by a cast; d.m.yyyy (one row in ten, say) only where the cast fails.
    coalesce(try_cast(completed_on as date), try_strptime(trim(completed_on), '%d.%m.%Y')::date) as day,
    try_cast(field_code as integer) as field,
    -- A point or a comma, at most two decimals (a third would be rounded away by the cast).
    case
      when not (credits_trimmed like '%.___%' or credits_trimmed like '%,___%')
      then cast(try_cast(replace(credits, ',', '.') as decimal(8, 2)) * 100 as integer)
    end as centi
  from completions
),
judged as (
  select
    *,
    case
      -- An empty value is read as null (a value of spaces only is an id here, unlike in the build).
      when completion_id is null then 1
      when day is null then 2
      when day < getvariable('period_start') then 3
      when day > snapshot_date then 4
      when field is null or not list_contains(getvariable('field_codes'), field) then 5
      when centi is null or centi <= 0 or centi > 6000 then 6
      else 0
    end as problem
  from parsed
)
select
  export_id,
  hash(completion_id) as id_hash,
  problem,
  case when problem = 0 then date_trunc('month', day) end as month,
  field,
  centi,
  -- The value that broke the rule, to show one.
  case problem when 1 then '' when 2 then completed_on when 3 then completed_on when 4 then completed_on when 5 then field_code when 6 then credits end as example
from judged;

-- name: duplicates
-- Repeated completion ids within an export, counted by the ids' 64-bit hashes: a set of numbers
-- costs a fraction of a set of strings. The caller names the ids exactly (statement ids) only
-- where this finds a repeat, so a hash collision (about one in 10^12 at 10 M rows) costs a look,
-- never a wrong message.
select export_id, count(*) - count(distinct id_hash) as repeats
from rows
where problem <> 1
group by export_id
having count(*) - count(distinct id_hash) > 0;

-- name: ids
-- The repeated ids of one export (getvariable('export_id')), a few of them.
select completion_id, count(*) as times
from completions
where export_id = getvariable('export_id') and completion_id is not null
group by 1
having count(*) > 1
order by 1
limit 5;

-- name: problems
select
  export_id,
  case problem
    when 1 then 'completion_id: empty'
    when 2 then 'completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day'
    when 3 then 'completed_on: before the programme start'
    when 4 then 'completed_on: after the snapshot date'
    when 5 then 'field_code: not a field code listed in programme.json'
    when 6 then 'credits: not a number over 0 and up to 60 with at most two decimals'
  end as problem,
  count(*) as rows,
  min(example) as example
from rows
where rows.problem <> 0
group by export_id, rows.problem
order by export_id, rows.problem;

-- name: totals
-- The monthly-totals export of each input export: the rows the dashboard reads.
select export_id, strftime(month, '%Y-%m') as month, field as field_code, sum(centi) as centi, count(*) as completions
from rows
where problem = 0
group by export_id, rows.month, field
order by export_id, month, field_code;
