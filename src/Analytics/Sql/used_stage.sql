-- The stage used of every current unit-year: appraised where present, else self-assessed (the rule of
-- UnitYearResult.StageUsed), with the self-assessed submission beside it (0 when none) and whether any stage of the
-- unit-year is generated sample data. Included by the other queries as @used_stage@.
SELECT s.submission_id, s.unit_id, s.year, s.stage, s.framework_id, s.points_total, s.max_total,
       bool_or(s.synthetic) OVER unit_year AS synthetic,
       coalesce(max(CASE WHEN s.stage = 'self' THEN s.submission_id END) OVER unit_year, 0) AS self_submission_id
FROM current_submission s
WINDOW unit_year AS (PARTITION BY s.unit_id, s.year)
QUALIFY row_number() OVER (PARTITION BY s.unit_id, s.year ORDER BY CASE s.stage WHEN 'appraised' THEN 0 ELSE 1 END) = 1
