using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest.Reference;

/// <summary>Checks across the reference files, so that a bad edit fails at load with file and line instead of
/// producing quietly wrong trends later.</summary>
internal static class ReferenceChecks
{
    public static void Check(
        IReadOnlyList<Unit> units,
        IReadOnlyList<LineageEvent> lineage,
        IReadOnlyList<int> lineageLines,
        string lineageFile,
        IReadOnlyList<Framework> frameworks,
        string frameworksFile,
        Crosswalk crosswalk,
        IReadOnlyList<int> crosswalkLines,
        string crosswalkFile)
    {
        var byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        for (var i = 0; i < lineage.Count; i++)
        {
            var e = lineage[i];
            var where = $"{lineageFile}:{lineageLines[i]}";
            foreach (var id in new[] { e.FromUnit, e.ToUnit }.OfType<string>().Where(id => !byId.ContainsKey(id)))
            {
                throw new ReferenceDataException($"{where}: sự kiện '{e.Id}' nêu đơn vị '{id}', nhưng đơn vị này không có trong units.csv.");
            }

            // A series must end where its event says, or trends would silently show a year that should not exist.
            if (e.Kind is LineageEventKind.Succeeded or LineageEventKind.Merged && e.FromUnit is { } from && byId[from].LastYear != e.EffectiveYear - 1)
            {
                throw new ReferenceDataException($"{where}: sự kiện '{e.Id}' có hiệu lực từ năm đánh giá {e.EffectiveYear}, nên last_year của {from} trong units.csv phải là {e.EffectiveYear - 1}, không phải {byId[from].LastYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "để trống"}.");
            }

            if (e.Kind == LineageEventKind.Succeeded && e.ToUnit is { } to && byId[to].FirstYear != e.EffectiveYear)
            {
                throw new ReferenceDataException($"{where}: sự kiện '{e.Id}' có hiệu lực từ năm đánh giá {e.EffectiveYear}, nên first_year của {to} trong units.csv phải là {e.EffectiveYear}.");
            }

            if (e.Kind == LineageEventKind.Abolished
                && units.FirstOrDefault(u => u.Province == e.Province && u.Level == e.Level && (u.LastYear is null || u.LastYear >= e.EffectiveYear)) is { } open)
            {
                throw new ReferenceDataException($"{where}: sự kiện '{e.Id}' chấm dứt cấp '{e.Level}' từ năm đánh giá {e.EffectiveYear}, nhưng last_year của {open.Id} trong units.csv là {open.LastYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "để trống"}.");
            }
        }

        var frameworkById = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        for (var i = 0; i < crosswalk.Entries.Count; i++)
        {
            var entry = crosswalk.Entries[i];
            var where = $"{crosswalkFile}:{crosswalkLines[i]}";
            if (!frameworkById.TryGetValue(entry.FrameworkId, out var framework))
            {
                throw new ReferenceDataException($"{where}: bộ tiêu chí '{entry.FrameworkId}' không có trong frameworks.csv.");
            }

            if (entry.Code is not null && framework.Find(entry.Code) is null)
            {
                throw new ReferenceDataException($"{where}: bộ tiêu chí {entry.FrameworkId} không có tiêu chí {entry.Code}.");
            }
        }

        foreach (var framework in frameworks.Where(f => f.Status != FrameworkStatus.Draft))
        {
            var unmapped = framework.Criteria.Where(c => crosswalk.EntryOf(framework.Id, c.Code) is null).Select(c => c.Code).ToList();
            if (unmapped.Count > 0)
            {
                throw new ReferenceDataException(
                    $"{crosswalkFile}: bộ tiêu chí {framework.Id} có {unmapped.Count} tiêu chí chưa được ánh xạ tới khái niệm nào ({string.Join(", ", unmapped.Take(8))}{(unmapped.Count > 8 ? ", …" : "")}); hãy ánh xạ mọi tiêu chí để có thể theo dõi xu hướng.");
            }

            var overlapping = frameworks.FirstOrDefault(other => other.Id != framework.Id && other.Status != FrameworkStatus.Draft
                && other.Province == framework.Province && other.Level == framework.Level && other.Status == framework.Status
                && other.YearFrom <= (framework.YearTo ?? int.MaxValue) && framework.YearFrom <= (other.YearTo ?? int.MaxValue));
            if (overlapping is not null)
            {
                throw new ReferenceDataException($"{frameworksFile}: {framework.Id} và {overlapping.Id} cùng áp dụng cho một số năm giống nhau đối với cấp '{framework.Level}' của tỉnh '{framework.Province}'.");
            }
        }
    }
}
