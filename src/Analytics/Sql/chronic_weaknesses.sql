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
now AS (
    SELECT * FROM rows WHERE year = $year AND level <> 'area'
),
matched AS (
    SELECT n.unit_id, n.code, r.year, arg_min(r.weak, r.ordinal) AS weak
    FROM now n
    JOIN rows r ON r.unit_id = n.unit_id
         AND ((n.concept_id IS NULL AND r.framework_id = n.framework_id AND r.code = n.code)
           OR (n.concept_id IS NOT NULL AND r.concept_id = n.concept_id))
    WHERE n.concept_id IS NULL
       OR EXISTS (SELECT 1 FROM wk_comparable k
                  WHERE k.concept_id = n.concept_id AND k.framework_then = r.framework_id AND k.framework_now = n.framework_id)
    GROUP BY n.unit_id, n.code, r.year
)
SELECT n.unit_id, n.code, n.name, n.concept_id, n.framework_id, count(*) FILTER (WHERE m.weak) AS weak_years
FROM now n
JOIN matched m ON m.unit_id = n.unit_id AND m.code = n.code
GROUP BY n.unit_id, n.code, n.name, n.concept_id, n.framework_id, n.ordinal
HAVING bool_or(m.weak AND m.year = $year) AND count(*) FILTER (WHERE m.weak) >= $weak_years
ORDER BY n.unit_id, n.ordinal
