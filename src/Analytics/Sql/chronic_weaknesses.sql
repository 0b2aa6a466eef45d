-- ChronicRow: the rows below the threshold in at least k of the last n years, this year included, for every unit of a
-- year. Temp tables filled by the caller: wk_holder (unit of the year, window year, submission used that year by the
-- unit holding its series, that year's framework, the unit's framework this year) and wk_comparable (concept, earlier
-- framework, later framework) for the pairs the crosswalk calls comparable. A year's row for a concept is the first
-- row (framework order) that measures it; a row without a concept is followed only within the same framework.
WITH rows AS (
    SELECT h.unit_id, h.year, h.framework_id, h.now_framework_id, c.code, c.name, c.ordinal, c.level, x.concept_id,
           c.points IS NOT NULL AND c.max_points > 0 AND c.points * 100 < $threshold * c.max_points AS weak
    FROM wk_holder h
    JOIN score c ON c.submission_id = h.submission_id
    LEFT JOIN crosswalk x ON x.framework_id = h.framework_id AND x.code = c.code
),
-- Only a row with a weak row of its own code (or concept) this year can be chronic, and only the rows of those codes
-- (concepts) can be matched to it in the window: the rest are left out first, which keeps the joins below to a few
-- percent of the rows.
candidates AS (
    SELECT DISTINCT unit_id, coalesce(concept_id, code) AS key, concept_id IS NULL AS by_code
    FROM rows
    WHERE year = $year AND weak
),
keyed AS (
    SELECT r.unit_id, r.year, r.framework_id, r.code, r.name, r.ordinal, r.level, r.concept_id, r.weak
    FROM rows r
    JOIN candidates k ON k.unit_id = r.unit_id AND k.key = coalesce(r.concept_id, r.code) AND k.by_code = (r.concept_id IS NULL)
),
now AS (
    SELECT * FROM keyed WHERE year = $year AND level <> 'area'
),
-- Two equality joins (a row without a concept; a concept's rows in comparable frameworks) rather than one join on
-- either condition, which DuckDB can only run as a nested loop (seconds and hundreds of MB at a national scale).
matched AS (
    SELECT n.unit_id, n.code, r.year, arg_min(r.weak, r.ordinal) AS weak
    FROM now n
    JOIN keyed r ON r.unit_id = n.unit_id AND r.framework_id = n.framework_id AND r.code = n.code
    WHERE n.concept_id IS NULL
    GROUP BY n.unit_id, n.code, r.year
    UNION ALL
    SELECT n.unit_id, n.code, r.year, arg_min(r.weak, r.ordinal) AS weak
    FROM now n
    JOIN keyed r ON r.unit_id = n.unit_id AND r.concept_id = n.concept_id
    WHERE n.concept_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM wk_comparable k
                  WHERE k.concept_id = n.concept_id AND k.framework_then = r.framework_id AND k.framework_now = n.framework_id)
    GROUP BY n.unit_id, n.code, r.year
)
SELECT n.unit_id, n.code, n.name, n.concept_id, n.framework_id, count(*) FILTER (WHERE m.weak) AS weak_years
FROM now n
JOIN matched m ON m.unit_id = n.unit_id AND m.code = n.code
GROUP BY n.unit_id, n.code, n.name, n.concept_id, n.framework_id, n.ordinal
HAVING bool_or(m.weak AND m.year = $year) AND count(*) FILTER (WHERE m.weak) >= $weak_years
ORDER BY n.unit_id, n.ordinal
