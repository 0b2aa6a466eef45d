-- ScoreRow: every row of one unit-year's stage used and self-assessed stage, in framework order.
SELECT c.submission_id, c.code, c.parent_code, c.level, c.name, c.max_points, c.points, c.evidence, false AS has_children
FROM score c
WHERE c.submission_id = $used OR c.submission_id = $self
ORDER BY c.submission_id, c.ordinal
