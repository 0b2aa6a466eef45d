-- ScoreRow per unit: some codes ('|'-separated in $codes) of the stage used of every current unit-year of one year,
-- province and level (a heatmap's cells), with whether each row has sub-rows.
SELECT u.unit_id, u.year, c.submission_id, c.code, c.parent_code, c.level, c.name, c.max_points, c.points, c.evidence,
       EXISTS (SELECT 1 FROM score k WHERE k.submission_id = c.submission_id AND k.parent_code = c.code) AS has_children
FROM (@used_stage@) u
JOIN unit n ON n.unit_id = u.unit_id
JOIN score c ON c.submission_id = u.submission_id
WHERE u.year = $year AND n.province = $province AND n.level = $level
  AND list_contains(string_split($codes, '|'), c.code)
