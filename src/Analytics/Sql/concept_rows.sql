-- ScoreRow per unit-year: one concept across every current unit-year of a province and level, the first row
-- (framework order) of the stage used that measures it (UnitYearResult.FindConcept).
SELECT u.unit_id, u.year, c.submission_id, c.code, c.parent_code, c.level, c.name, c.max_points, c.points, c.evidence
FROM (@used_stage@) u
JOIN unit n ON n.unit_id = u.unit_id
JOIN crosswalk x ON x.framework_id = u.framework_id AND x.concept_id = $concept
JOIN score c ON c.submission_id = u.submission_id AND c.code = x.code
WHERE n.province = $province AND n.level = $level
QUALIFY row_number() OVER (PARTITION BY u.unit_id, u.year ORDER BY c.ordinal) = 1
