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
-- * an OEWS occupation's level is the percentile of the area's distribution for it that
--   levels.csv gives (`percentile`), read linearly between the two published percentiles
--   around it (a top-coded one read as its top code, which makes the figure a lower bound);
--   the seed's role (no SOC), a ladder without percentiles and an area BLS publishes only
--   part of the distribution for keep salary = base salary x multiplier x (area mean /
--   national mean); both rounded once, half up, in exact integer arithmetic;
-- * no salary is below the minimum wage where it is (place_index's min_wage, dollars an hour,
--   x 2,080 hours, half up to the dollar): a lower one is raised to it.
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
           TRY_CAST(n.base_salary AS BIGINT) AS base_salary,
           coalesce(n.soc, '') <> '' AS ranked_role  -- an OEWS occupation, not the seed's
    FROM asked a
    JOIN (SELECT row_id, arg_min(role, priority) AS role FROM matches GROUP BY row_id) m
      ON m.row_id = a.row_id
    JOIN named n ON n.role = m.role
),
leveled AS (  -- the level the years choose
    SELECT d.*, l.level, CAST(round(CAST(l.multiplier AS DOUBLE) * 100) AS BIGINT) AS per_cent,
           TRY_CAST(l.percentile AS BIGINT) AS percentile
    FROM roled d
    JOIN levels l  -- years that are not a plain number (7+, 3-5) get no estimate here
      ON TRY_CAST(d.years AS DOUBLE) >= CAST(l.min_years AS DOUBLE)
     AND (coalesce(l.max_years, '') = ''
          OR TRY_CAST(d.years AS DOUBLE) < CAST(l.max_years AS DOUBLE) + 1)
),
placed AS (  -- where: the place index's metro area, fallback state and minimum wage
    SELECT v.*, i.area_code, i.state_code,  -- (no place: national, the federal minimum)
           (CAST(round(CAST(coalesce(i.min_wage, CASE WHEN v.place_key = '' THEN
                (SELECT min(min_wage) FROM place_index WHERE kind = 'national') END)
                AS DECIMAL(10, 2)) * 100) AS BIGINT) * 2080 + 50) // 100 AS min_yearly
    FROM leveled v
    LEFT JOIN place_index i ON i.key = v.place_key AND v.place_key <> ''
    WHERE v.place_key = '' OR i.key IS NOT NULL
),
national AS (  -- the nation's mean and distribution (OEWS top-codes none of it)
    SELECT soc, TRY_CAST(annual_mean AS BIGINT) AS mean,
           TRY_CAST(p10 AS BIGINT) AS p10, TRY_CAST(p25 AS BIGINT) AS p25,
           TRY_CAST(p50 AS BIGINT) AS p50, TRY_CAST(p75 AS BIGINT) AS p75,
           TRY_CAST(p90 AS BIGINT) AS p90
    FROM roles  -- none: hourly only
    WHERE coalesce(soc, '') <> '' AND coalesce(annual_mean, '') <> ''
),
chain AS (  -- each area up the chain, with BLS's figures (or top codes) for the occupation
    SELECT p.row_id, 1 AS step, w.*
    FROM placed p JOIN wages w ON w.area_code = p.area_code AND w.soc = p.occupation
    UNION ALL
    SELECT p.row_id, 2 AS step, w.*
    FROM placed p JOIN wages w ON w.area_code = p.state_code || '00000' AND w.soc = p.occupation
),
chosen AS (  -- the first area with a mean, or a floored one (a lower bound)
    SELECT c.row_id, c.annual_mean AS mean, c.at_least,
           coalesce(c.annual_mean, '') = '' AS floored,
           -- each percentile, a top-coded one as its top code
           CAST(CASE WHEN c.top_coded LIKE '%p10%' THEN c.at_least ELSE c.p10 END AS BIGINT) AS p10,
           CAST(CASE WHEN c.top_coded LIKE '%p25%' THEN c.at_least ELSE c.p25 END AS BIGINT) AS p25,
           CAST(CASE WHEN c.top_coded LIKE '%p50%' THEN c.at_least ELSE c.p50 END AS BIGINT) AS p50,
           CAST(CASE WHEN c.top_coded LIKE '%p75%' THEN c.at_least ELSE c.p75 END AS BIGINT) AS p75,
           CAST(CASE WHEN c.top_coded LIKE '%p90%' THEN c.at_least ELSE c.p90 END AS BIGINT) AS p90,
           coalesce(c.top_coded, '') AS top_coded
    FROM chain c
    JOIN (
        SELECT row_id, min(step) AS step FROM chain
        WHERE coalesce(annual_mean, '') <> ''
           OR top_coded LIKE '%annual_mean%' OR top_coded LIKE '%p10%'
        GROUP BY row_id
    ) first USING (row_id, step)
),
figured AS (
    SELECT p.*, n.mean AS national_mean,
           CASE WHEN c.row_id IS NULL THEN n.mean
                WHEN c.floored THEN CAST(c.at_least AS BIGINT)
                ELSE CAST(c.mean AS BIGINT) END AS area_mean,
           coalesce(c.floored, false) AS lower_bound,
           CASE WHEN c.row_id IS NULL THEN [n.p10, n.p25, n.p50, n.p75, n.p90]
                ELSE [c.p10, c.p25, c.p50, c.p75, c.p90] END AS cuts,
           coalesce(c.top_coded, '') AS top_coded
    FROM placed p JOIN national n ON n.soc = p.occupation
    LEFT JOIN chosen c ON c.row_id = p.row_id
),
bracketed AS (  -- the two published percentiles around the level's (their 1-based places)
    SELECT *,
           CASE WHEN percentile <= 10 THEN 1 WHEN percentile <= 25 THEN 1
                WHEN percentile <= 50 THEN 2 WHEN percentile <= 75 THEN 3
                WHEN percentile < 90 THEN 4 ELSE 5 END AS below,
           CASE WHEN percentile <= 10 THEN 1 WHEN percentile <= 25 THEN 2
                WHEN percentile <= 50 THEN 3 WHEN percentile <= 75 THEN 4 ELSE 5 END AS above,
           ranked_role AND percentile IS NOT NULL
               AND list_count(cuts) = 5 AS ranked  -- all five published (or top-coded)
    FROM figured
),
answers AS (
    SELECT
        row_id, title, years, location, role, occupation AS soc, level,
        CASE WHEN bound THEN NULL ELSE greatest(figure, coalesce(min_yearly, 0)) END AS salary,
        CASE WHEN bound THEN figure END AS at_least
    FROM (
        SELECT *,
            CASE WHEN NOT ranked
                 THEN (2 * base_salary * per_cent * area_mean + 100 * national_mean)
                      // (200 * national_mean)
                 WHEN above = below THEN cuts[above]
                 ELSE (2 * (cuts[below] * (high_rank - percentile)
                            + cuts[above] * (percentile - low_rank))
                       + (high_rank - low_rank)) // (2 * (high_rank - low_rank))
            END AS figure,
            CASE WHEN NOT ranked THEN lower_bound
                 ELSE top_coded LIKE '%' || ['p10', 'p25', 'p50', 'p75', 'p90'][above] || '%'
                      OR top_coded LIKE '%' || ['p10', 'p25', 'p50', 'p75', 'p90'][below] || '%'
            END AS bound
        FROM (
            SELECT *, [10, 25, 50, 75, 90][below] AS low_rank,
                   [10, 25, 50, 75, 90][above] AS high_rank
            FROM bracketed
        )
    )
)
SELECT  -- every posting, with its own columns, and its question's answer (none: not here)
    p.*, a.role, a.soc, a.level, a.salary, a.at_least
FROM postings p
LEFT JOIN answers a
  ON a.title IS NOT DISTINCT FROM p.title
 AND a.years IS NOT DISTINCT FROM p.years
 AND a.location IS NOT DISTINCT FROM p.location;
