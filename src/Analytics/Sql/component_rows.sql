-- Component scores (survey, bonus, penalty) of the stage used of every current unit-year that has any, in file order:
-- the breakdown beside the totals of unit_years.sql.
SELECT cs.submission_id, cs.component, cs.name, cs.max_points, cs.points
FROM component_score cs
JOIN (@used_stage@) u ON u.submission_id = cs.submission_id
ORDER BY cs.submission_id, cs.ordinal
