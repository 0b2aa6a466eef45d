-- GapRow: self-assessed against appraised points of every unit-year of one year, province and level whose stage used
-- is the appraisal and that has a self-assessment too (AppraisalGap.Of): each row of the appraised submission with
-- points whose self-assessed row (same code) has points as well, kept when it is a leaf (no sub-rows in the appraised
-- submission) or an area, in framework order. One query for the whole year instead of one per unit-year. $hidden lists
-- unit-years a reader may not see as '|unit@year|'.
WITH used AS (
    SELECT u.unit_id, u.submission_id, u.self_submission_id
    FROM (@used_stage@) u
    JOIN unit n ON n.unit_id = u.unit_id
    WHERE u.year = $year AND n.province = $province AND n.level = $level
      AND u.stage = 'appraised' AND u.self_submission_id <> 0
      AND position('|' || u.unit_id || '@' || CAST(u.year AS VARCHAR) || '|' IN $hidden) = 0
),
parents AS (
    SELECT DISTINCT k.submission_id, k.parent_code AS code
    FROM score k
    JOIN used ON used.submission_id = k.submission_id
    WHERE k.parent_code IS NOT NULL
)
SELECT used.unit_id, a.code, a.level, a.name, a.max_points, s.points AS self_points, a.points AS appraised_points,
       p.code IS NULL AS is_leaf
FROM used
JOIN score a ON a.submission_id = used.submission_id
JOIN score s ON s.submission_id = used.self_submission_id AND s.code = a.code
LEFT JOIN parents p ON p.submission_id = a.submission_id AND p.code = a.code
WHERE a.points IS NOT NULL AND s.points IS NOT NULL AND (p.code IS NULL OR a.level = 'area')
ORDER BY used.unit_id, a.ordinal
