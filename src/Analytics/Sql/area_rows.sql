-- ScoreRow (areas only): the area rows of the stage used of every current unit-year, in framework order, with whether
-- the area has sub-rows. The snapshot keeps these; every other row is read on demand.
SELECT c.submission_id, c.code, c.parent_code, c.level, c.name, c.max_points, c.points, c.evidence,
       EXISTS (SELECT 1 FROM score k WHERE k.submission_id = c.submission_id AND k.parent_code = c.code) AS has_children
FROM score c
JOIN (@used_stage@) u ON u.submission_id = c.submission_id
WHERE c.level = 'area'
ORDER BY c.submission_id, c.ordinal
