-- Monthly totals of per-completion exports, with the checks a database makes cheaply.
-- Run by scripts/aggregate.ts (npm run aggregate -- IN_DIR OUT_DIR) in DuckDB; plain SQL, so it
-- runs on a warehouse too, once `completions` and the three variables below are defined there.
--
-- Input, defined by the caller:
--   completions(export_id INTEGER, snapshot_date DATE, completion_id VARCHAR,
--               completed_on VARCHAR, course_code VARCHAR, course_name VARCHAR,
--               field_code VARCHAR, credits VARCHAR, has_quote BOOLEAN)
--     every row of every export, every value as text, as the export wrote it (read with
--     all_varchar: a typed CSV reader rounds a field code 6.5 to 7 and reads credits 5e1 as 50);
--     has_quote: some value of the row holds a " (see problem 8);
--   getvariable('period_start') DATE, getvariable('field_codes') INTEGER[].
-- The rules of a value are the contract's (src/lib/contract/values.ts): the caller puts its
-- patterns and limits in the double braces, so no rule is written here a second time.
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
    has_quote,
    -- Each value trimmed as the build trims it ('' when it is not of the contract's form).
    regexp_extract(completion_id, {{trimmed}}, 1) as id,
    regexp_extract(completed_on, {{iso_date}}, 1) as iso_text,
    regexp_extract(completed_on, {{finnish_date}}, 1) as finnish_text,
    regexp_extract(field_code, {{whole_number}}, 1) as field_text,
    regexp_extract(credits, {{credits}}, 1) as credits_text,
    course_code is null or regexp_full_match(course_code, {{blank}}) or course_name is null or regexp_full_match(course_name, {{blank}}) as no_course
  from completions
),
typed as (
  select
    *,
    -- Only text of the contract's form is cast: the cast then only says whether the day exists.
    coalesce(try_cast(nullif(iso_text, '') as date), try_strptime(nullif(finnish_text, ''), '%d.%m.%Y')::date) as day,
    cast(nullif(field_text, '') as bigint) as field,
    cast(cast(replace(nullif(credits_text, ''), ',', '.') as decimal(18, 2)) * 100 as bigint) as centi
  from parsed
),
judged as (
  select
    *,
    case
      -- A quote inside a value: quoted right ("" for a quote) or a stray one, which the build
      -- refuses and DuckDB reads as a character. Which it is cannot be told from the value.
      when has_quote then 8
      when completion_id is null or id = '' then 1
      when day is null then 2
      when day < getvariable('period_start') then 3
      when day > snapshot_date then 4
      when field is null or not list_contains(getvariable('field_codes'), field) then 5
      when centi is null or centi <= 0 or centi > {{max_centi}} then 6
      when no_course then 7
      else 0
    end as problem
  from typed
)
select
  export_id,
  hash(id) as id_hash,
  problem,
  case when problem = 0 then date_trunc('month', day) end as month,
  field,
  centi,
  -- The value that broke the rule, to show one.
  case problem when 8 then '' when 1 then '' when 2 then completed_on when 3 then completed_on when 4 then completed_on when 5 then field_code when 6 then credits when 7 then '' end as example
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
select regexp_extract(completion_id, {{trimmed}}, 1) as completion_id, count(*) as times
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
    when 6 then 'credits: not a number over 0 and up to {{max_credits}} with at most {{credit_decimals}} decimals'
    when 7 then 'course_code, course_name: empty value'
    when 8 then 'a value holds a quote character ("), which this aggregate cannot tell from a stray quote (the build refuses those): remove it, or check the file with the normal build'
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
