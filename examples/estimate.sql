-- salarycli's estimate as joins: a table of (title, years, location) in, salaries out.
--
-- The tables, exported once (any SQL engine that reads csv or Parquet will do; DuckDB here):
--   salarycli data export --what model --out model/      (or --parquet model/)
-- writes model/roles.csv, levels.csv, wages.csv, titles.csv and place_index.csv;
-- then, in DuckDB, with a table `postings` holding title, years and location (and any other
-- columns, an id say: they come through unchanged, as batch passes them through):
--   CREATE VIEW roles AS SELECT * FROM read_csv('model/roles.csv', all_varchar = true, quote = '"');
--   (and so for levels, wages, titles and place_index), then run this file.
--
-- What it does, as salarycli does (README, "Beyond one machine"):
-- * the title, normalised (case folded, punctuation as spaces, a plural "s" dropped), is a
--   role's own name, or else looked up in the title index; an ambiguous or unknown title
--   gets no estimate here
--   (salarycli would parse it, correct a typo or refuse it, saying why);
-- * the years choose the level whose range holds them (2.9 is still 0-2);
-- * the place, normalised (case folded, "." and "," dropped), is looked up in the place index:
--   a metro area's figures, else its state's, else the nation's, the first where BLS
--   publishes an annual mean for the occupation; a mean BLS publishes only as at least its
--   top code makes the estimate a lower bound (salary empty, at_least set); no place: national;
-- * salary = base salary x multiplier x (area mean / national mean), rounded once, half up,
--   in exact integer arithmetic.
WITH questions AS (  -- each distinct question once: a million rows ask a few thousand
    SELECT DISTINCT title, years, location FROM postings
),
asked AS (
    SELECT
        row_number() OVER () AS row_id,  -- the question's number
        p.title,
        p.years,
        p.location,
        array_to_string(
            list_transform(
                list_filter(
                    list_transform(
                        string_split(regexp_replace(lower(p.title), '[^a-z0-9'']+', ' ', 'g'), ' '),
                        lambda w: trim(w, '''')
                    ),
                    lambda w: w <> ''
                ),
                lambda w: CASE WHEN length(w) > 3 AND suffix(w, 's') AND NOT suffix(w, 'ss')
                          THEN w[1:-2] ELSE w END
            ),
            ' '
        ) AS title_key,
        trim(regexp_replace(replace(replace(lower(coalesce(p.location, '')), '.', ''), ',', ' '),
                            '\s+', ' ', 'g')) AS place_key
    FROM questions p
),
named AS (  -- every role by its own name, normalised as titles are
    SELECT r.*,
        array_to_string(
            list_transform(
                list_filter(
                    list_transform(
                        string_split(regexp_replace(lower(r.role), '[^a-z0-9'']+', ' ', 'g'), ' '),
                        lambda w: trim(w, '''')
                    ),
                    lambda w: w <> ''
                ),
                lambda w: CASE WHEN length(w) > 3 AND suffix(w, 's') AND NOT suffix(w, 'ss')
                          THEN w[1:-2] ELSE w END
            ),
            ' '
        ) AS name_key
    FROM roles r
),
matches AS (  -- a role's own name first, then the title index
    SELECT a.row_id, 1 AS priority, n.role FROM asked a JOIN named n ON n.name_key = a.title_key
    UNION ALL
    SELECT a.row_id, 2, n.role
    FROM asked a
    JOIN titles t ON t.title = a.title_key AND coalesce(t.role, '') <> ''
    JOIN named n ON n.soc = t.role OR (coalesce(n.soc, '') = '' AND n.role = t.role)
),
roled AS (  -- the role the title names, its occupation and base salary
    SELECT a.*, n.role, coalesce(nullif(n.soc, ''), n.reference_soc) AS occupation,
           TRY_CAST(n.base_salary AS BIGINT) AS base_salary
    FROM asked a
    JOIN (SELECT row_id, arg_min(role, priority) AS role FROM matches GROUP BY row_id) m
      ON m.row_id = a.row_id
    JOIN named n ON n.role = m.role
),
leveled AS (  -- the level the years choose
    SELECT d.*, l.level, CAST(round(CAST(l.multiplier AS DOUBLE) * 100) AS BIGINT) AS per_cent
    FROM roled d
    JOIN levels l  -- years that are not a plain number (7+, 3-5) get no estimate here
      ON TRY_CAST(d.years AS DOUBLE) >= CAST(l.min_years AS DOUBLE)
     AND (coalesce(l.max_years, '') = ''
          OR TRY_CAST(d.years AS DOUBLE) < CAST(l.max_years AS DOUBLE) + 1)
),
placed AS (  -- where: the place index's metro area and fallback state (none: national)
    SELECT v.*, i.area_code, i.state_code
    FROM leveled v
    LEFT JOIN place_index i ON i.key = v.place_key AND v.place_key <> ''
    WHERE v.place_key = '' OR i.key IS NOT NULL
),
national AS (
    SELECT soc, TRY_CAST(annual_mean AS BIGINT) AS mean FROM roles  -- none: hourly only
    WHERE coalesce(soc, '') <> '' AND coalesce(annual_mean, '') <> ''
),
chain AS (  -- each area up the chain, with BLS's mean (or its top code) for the occupation
    SELECT p.row_id, 1 AS step, w.annual_mean, w.top_coded, w.at_least
    FROM placed p JOIN wages w ON w.area_code = p.area_code AND w.soc = p.occupation
    UNION ALL
    SELECT p.row_id, 2 AS step, w.annual_mean, w.top_coded, w.at_least
    FROM placed p JOIN wages w ON w.area_code = p.state_code || '00000' AND w.soc = p.occupation
),
chosen AS (  -- the first area with a mean, or a floored one (a lower bound)
    SELECT row_id, arg_min(annual_mean, step) AS mean, arg_min(at_least, step) AS at_least,
           arg_min(coalesce(annual_mean, '') = '', step) AS floored
    FROM chain
    WHERE coalesce(annual_mean, '') <> ''
       OR top_coded LIKE '%annual_mean%' OR top_coded LIKE '%p10%'
    GROUP BY row_id
),
figured AS (
    SELECT p.*, n.mean AS national_mean,
           CASE WHEN c.row_id IS NULL THEN n.mean
                WHEN c.floored THEN CAST(c.at_least AS BIGINT)
                ELSE CAST(c.mean AS BIGINT) END AS area_mean,
           coalesce(c.floored, false) AS lower_bound
    FROM placed p JOIN national n ON n.soc = p.occupation
    LEFT JOIN chosen c ON c.row_id = p.row_id
),
answers AS (
    SELECT
        row_id, title, years, location, role, occupation AS soc, level,
        CASE WHEN lower_bound THEN NULL ELSE figure END AS salary,
        CASE WHEN lower_bound THEN figure END AS at_least
    FROM (
        SELECT *, (2 * base_salary * per_cent * area_mean + 100 * national_mean)
                  // (200 * national_mean) AS figure
        FROM figured
    )
)
SELECT  -- every posting, with its own columns, and its question's answer (none: not here)
    p.*, a.role, a.soc, a.level, a.salary, a.at_least
FROM postings p
LEFT JOIN answers a
  ON a.title IS NOT DISTINCT FROM p.title
 AND a.years IS NOT DISTINCT FROM p.years
 AND a.location IS NOT DISTINCT FROM p.location;
