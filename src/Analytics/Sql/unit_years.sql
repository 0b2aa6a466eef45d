-- UnitYearRow: the light snapshot, one row per current unit-year (totals, stage used, framework, sample flag).
SELECT u.unit_id, u.year, u.stage, u.framework_id, u.points_total, u.max_total, u.synthetic, u.submission_id, u.self_submission_id
FROM (@used_stage@) u
ORDER BY u.unit_id, u.year
