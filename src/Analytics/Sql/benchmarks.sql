-- BenchmarkRow: one year and framework of a province and level, per criterion with points: how many units, Σ points
-- (the mean is Σ / n in C# decimal, exactly as Enumerable.Average), the sum and count of the one or two middle values
-- (the median), the best points and the units that have them, the units at the framework's full points, and the
-- ranked units (total present) at the row's full points (for the next-rank paths). $hidden lists unit-years a reader
-- may not see as '|unit@year|'.
WITH scored AS (
    SELECT u.unit_id, u.points_total IS NOT NULL AND u.max_total > 0 AS ranked,
           c.code, c.points, c.max_points, f.max_points AS framework_max
    FROM (@used_stage@) u
    JOIN unit n ON n.unit_id = u.unit_id
    JOIN score c ON c.submission_id = u.submission_id
    LEFT JOIN framework_criterion f ON f.framework_id = u.framework_id AND f.code = c.code
    WHERE u.year = $year AND n.province = $province AND n.level = $level AND u.framework_id = $framework
      AND c.points IS NOT NULL
      AND position('|' || u.unit_id || '@' || CAST(u.year AS VARCHAR) || '|' IN $hidden) = 0
),
ordered AS (
    SELECT *,
           row_number() OVER (PARTITION BY code ORDER BY points) AS position,
           count(*) OVER (PARTITION BY code) AS units,
           max(points) OVER (PARTITION BY code) AS best
    FROM scored
)
SELECT code,
       any_value(units) AS units,
       sum(points) AS total,
       sum(points) FILTER (WHERE position IN ((units + 1) // 2, (units + 2) // 2)) AS middle_sum,
       count(*) FILTER (WHERE position IN ((units + 1) // 2, (units + 2) // 2)) AS middle_count,
       any_value(best) AS best,
       string_agg(unit_id, '|' ORDER BY unit_id) FILTER (WHERE points = best) AS best_units,
       count(*) FILTER (WHERE points = framework_max) AS at_max,
       count(*) FILTER (WHERE ranked AND points = max_points) AS ranked_at_max
FROM ordered
GROUP BY code
