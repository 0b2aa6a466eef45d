-- UnitYearRow: the light snapshot, one row per current unit-year (totals, stage used, framework, sample flag), and the
-- index's points and maximum by the framework's components (IndexFormula): the criteria tree's points (points_total)
-- plus every scored add and bonus component minus every scored subtract one, over the tree's maximum plus every scored
-- add component's applicable maximum. A component without points is left out of both sides; with none scored the
-- totals are the tree's. Kept at three decimals, as stored.
SELECT u.unit_id, u.year, u.stage, u.framework_id, u.points_total, u.max_total, u.synthetic, u.submission_id, u.self_submission_id,
       CAST(u.points_total + coalesce(c.points, 0) AS DECIMAL(18,3)) AS index_points,
       CAST(u.max_total + coalesce(c.max_points, 0) AS DECIMAL(18,3)) AS index_max
FROM (@used_stage@) u
LEFT JOIN (
    SELECT cs.submission_id,
           sum(CASE fc.role WHEN 'subtract' THEN -cs.points ELSE cs.points END) AS points,
           sum(cs.max_points) FILTER (WHERE fc.role = 'add') AS max_points
    FROM component_score cs
    JOIN current_submission s ON s.submission_id = cs.submission_id
    JOIN framework_component fc ON fc.framework_id = s.framework_id AND fc.component = cs.component
    WHERE cs.points IS NOT NULL AND fc.component <> 'criteria'
    GROUP BY cs.submission_id
) c ON c.submission_id = u.submission_id
ORDER BY u.unit_id, u.year
