using CchcAnalytics.Analytics;
using CchcAnalytics.Charts.Builders;
using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts;

/// <summary>The one entry point for the dashboard's <c>/export/charts/{kind}.png|.svg?…</c> and <c>cchc charts</c>:
/// validates a <see cref="ChartRequest"/> against the data and hands it to the kind's builder.</summary>
public static class ChartFactory
{
    /// <summary>Builds the requested chart. Throws <see cref="ArgumentException"/> with a message naming what is wrong
    /// (unknown kind, unit, year or code; a missing or unexpected parameter; a unit without a result that year; a size
    /// out of range), so callers can return it as a bad request. A <c>map</c> is drawn on <paramref name="maps"/> (the
    /// data folder's boundary files); a level and year without an honest map is an <see cref="ArgumentException"/> saying
    /// why (<see cref="MapBoundaries.For"/>).</summary>
    public static ChartSpec Build(IndexData data, ChartRequest request, AnalyticsOptions options, MapBoundaries? maps = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ArgumentException($"Không có loại biểu đồ {(int)request.Kind}. Các loại biểu đồ: {string.Join(", ", ChartKindText.Codes)}.", nameof(request));
        }

        request = WithScope(data, request);
        var kind = request.Kind.ToCode();
        if (request.Width is { } w)
        {
            CheckSize(w, nameof(request.Width));
        }

        if (request.Height is { } h)
        {
            CheckSize(h, nameof(request.Height));
        }

        var years = data.Years(request.Province, request.Level);
        if (years.Count == 0)
        {
            throw new ArgumentException($"Không có kết quả nào của đơn vị {data.Places.LevelName(request.Level)} thuộc tỉnh {data.Places.ProvinceName(request.Province)}.", nameof(request));
        }

        if (request.Code is not null && request.Kind is not (ChartKind.Heatmap or ChartKind.ConceptHistory or ChartKind.Map))
        {
            throw new ArgumentException($"Biểu đồ '{kind}' không nhận mã (đã nhập '{request.Code}'); chỉ heatmap, concept-history và map nhận mã.", nameof(request));
        }

        if (request.Area is not null && request.Kind is not ChartKind.Map)
        {
            throw new ArgumentException($"Biểu đồ '{kind}' không nhận lĩnh vực (đã nhập linh-vuc={request.Area}); chỉ bản đồ (map) nhận lĩnh vực.", nameof(request));
        }

        var units = Units(data, request, kind);
        if (request.Year is { } given && OverAllYears(request.Kind))
        {
            // A year would only rename the file: the chart is the same for every year (a QA run got rank-bump-2020.png).
            throw new ArgumentException($"Biểu đồ '{kind}' gồm mọi năm có số liệu ({YearsText(years)}), không chọn năm: bỏ nam={given} khỏi địa chỉ.", nameof(request));
        }

        var spec = request.Kind switch
        {
            ChartKind.Ranking => Ranking(data, request, years, units, kind, options),
            ChartKind.AreaDistribution => AreaDistributionChartBuilder.Build(data.ResultsOf(Year(request, years, kind, data.Places), request.Province, request.Level), request.Year!.Value, data.Places.LevelName(request.Level)),
            ChartKind.UnitTrend => UnitTrendChartBuilder.Build(data, units[0].Id, options),
            ChartKind.UnitAreas => UnitAreasChartBuilder.Build(UnitReport.Build(data, units[0].Id, Year(request, years, kind, data.Places), options) ?? throw NoResult(data, units[0], request.Year!.Value, request)),
            ChartKind.CompareAreas => CompareAreas(data, request, years, units, kind),
            ChartKind.CompareTrends => CompareTrendsChartBuilder.Build(data, units.Select(u => u.Id).ToList(), options),
            ChartKind.Heatmap => Heatmap(data, request, years, kind),
            ChartKind.ConceptHistory => ConceptHistoryChartBuilder.Build(data, Concept(data, request, years, kind), request.Province, request.Level, units.Select(u => u.Id).ToList()),
            ChartKind.SelfVsAppraised => SelfVsAppraised(data, request, years, units, kind),
            ChartKind.Map => Map(data, request, years, kind, maps ?? MapBoundaries.None),
            ChartKind.RankMovement => RankMovement(data, request, years, kind, options),
            ChartKind.RankBump => RankBumpChartBuilder.Build(ProvinceHistory.For(data, request.Province, request.Level, options), units.Select(u => u.Id).ToList(), data.Units),
            ChartKind.AreaMeans => AreaMeansChartBuilder.Build(ProvinceHistory.For(data, request.Province, request.Level, options)),
            ChartKind.TrendPanel => TrendPanelChartBuilder.Build(ProvinceHistory.For(data, request.Province, request.Level, options), units[0].Id, data.Units),
            _ => throw new ArgumentException($"Không có loại biểu đồ '{kind}'.", nameof(request)),
        };
        return spec.WithSize(request.Width, request.Height);
    }

    /// <summary>The request with its province and level filled in when it leaves them empty: the data's province; the
    /// level of the first unit asked for, else the level that has the year asked for (<see cref="DataScope.LevelForYear"/>),
    /// else the default level (the same rule as the dashboard's pages).</summary>
    public static ChartRequest WithScope(IndexData data, ChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var province = string.IsNullOrEmpty(request.Province) ? DataScope.Province(data).Id : request.Province;
        if (!string.IsNullOrEmpty(request.Level))
        {
            return request with { Province = province };
        }

        var level = request.Units.Select(text => data.Registry.Resolve(text ?? "")?.Unit).OfType<Unit>().FirstOrDefault()?.Level
            ?? (request.Year is { } year ? DataScope.LevelForYear(data, province, year) : DataScope.DefaultLevel(data, province)).Id;
        return request with { Province = province, Level = level };
    }

    /// <summary>Throws unless <paramref name="pixels"/> is within <see cref="ChartRequest.MinSize"/>–<see cref="ChartRequest.MaxSize"/>.</summary>
    internal static void CheckSize(int pixels, string name)
    {
        if (pixels is < ChartRequest.MinSize or > ChartRequest.MaxSize)
        {
            throw new ArgumentException($"{(name == nameof(ChartRequest.Width) ? "Chiều rộng (w)" : name == nameof(ChartRequest.Height) ? "Chiều cao (h)" : name)} phải từ {ChartRequest.MinSize} đến {VietnameseText.Number(ChartRequest.MaxSize)} điểm ảnh (đã nhập {pixels}).", name);
        }
    }

    private static int Year(ChartRequest request, IReadOnlyList<int> years, string kind, Places places)
    {
        if (request.Year is not { } year)
        {
            throw new ArgumentException($"Biểu đồ '{kind}' cần một năm ({YearsText(years)}).", nameof(request));
        }

        if (!years.Contains(year))
        {
            throw new ArgumentException($"Không có kết quả năm {year}: số liệu của đơn vị {places.LevelName(request.Level)} thuộc tỉnh {places.ProvinceName(request.Province)} có các năm {YearsText(years)}.", nameof(request));
        }

        return year;
    }

    private static string YearsText(IReadOnlyList<int> years) =>
        years.Count == years[^1] - years[0] + 1 ? ChartText.Years(years) : string.Join(", ", years);

    /// <summary>Whether a kind draws every year with data, so that it takes no year.</summary>
    public static bool OverAllYears(ChartKind kind) =>
        kind is ChartKind.UnitTrend or ChartKind.CompareTrends or ChartKind.RankBump or ChartKind.AreaMeans or ChartKind.TrendPanel;

    /// <summary>Resolves the requested units (ids or names) and checks their number for the kind.</summary>
    private static List<Unit> Units(IndexData data, ChartRequest request, string kind)
    {
        var (min, max) = request.Kind switch
        {
            ChartKind.UnitTrend or ChartKind.UnitAreas or ChartKind.TrendPanel => (1, 1),
            ChartKind.Ranking => (0, 1),
            ChartKind.RankBump => (0, CompareAreasChartBuilder.MaxUnits),
            ChartKind.CompareAreas or ChartKind.CompareTrends => (CompareAreasChartBuilder.MinUnits, CompareAreasChartBuilder.MaxUnits),
            ChartKind.SelfVsAppraised => (0, 1),
            ChartKind.ConceptHistory => (0, int.MaxValue),
            _ => (0, 0),
        };
        var wanted = request.Units;
        if (wanted.Count < min || wanted.Count > max)
        {
            var expected = max == 0 ? "không nhận đơn vị nào" : min == max ? "cần đúng một đơn vị" : max == int.MaxValue ? "nhận số đơn vị bất kỳ" : $"cần từ {min} đến {max} đơn vị";
            throw new ArgumentException($"Biểu đồ '{kind}' {expected} (đã chọn {wanted.Count}).", nameof(request));
        }

        var registry = data.Registry;
        var units = new List<Unit>();
        foreach (var text in wanted)
        {
            var unit = registry.Resolve(text ?? "")?.Unit
                ?? throw new ArgumentException($"Không có đơn vị '{text}'. Hãy dùng mã trong data/units.csv (ví dụ hoang-hoa) hoặc tên tiếng Việt của đơn vị.", nameof(request));
            if (unit.Province != request.Province || unit.Level != request.Level)
            {
                throw new ArgumentException($"{unit.FullName} ({unit.Id}) không phải là đơn vị {data.Places.LevelName(request.Level)} của tỉnh {data.Places.ProvinceName(request.Province)}.", nameof(request));
            }

            if (units.Any(u => data.Lineage.SeriesOf(u.Id).UnitIds.Contains(unit.Id)))
            {
                throw new ArgumentException($"{unit.FullName} ({unit.Id}) được chọn hai lần (trực tiếp hoặc qua đơn vị tiền thân/kế tục).", nameof(request));
            }

            units.Add(unit);
        }

        return units;
    }

    private static ArgumentException NoResult(IndexData data, Unit unit, int year, ChartRequest request)
    {
        var series = data.Lineage.SeriesOf(unit.Id);
        var why = series.EndYear < year && series.EndMessage is { } end ? $" {end}" : "";
        return new ArgumentException($"{unit.FullName} ({unit.Id}) không có kết quả năm {year}.{why}", nameof(request));
    }

    private static UnitYearResult Result(IndexData data, Unit unit, int year, ChartRequest request) =>
        data.SeriesResult(unit.Id, year) ?? throw NoResult(data, unit, year, request);

    private static ChartSpec Ranking(IndexData data, ChartRequest request, IReadOnlyList<int> years, List<Unit> units, string kind, AnalyticsOptions options)
    {
        var year = Year(request, years, kind, data.Places);
        var ranking = Ranker.For(data, year, request.Province, request.Level, options);
        if (units.Count == 0)
        {
            return RankingChartBuilder.Build(ranking);
        }

        // dv= on the ranking is the unit to highlight (the overview's search); through lineage, a predecessor's id finds
        // the unit that holds its series that year.
        var id = data.SeriesResult(units[0].Id, year)?.Unit.Id ?? units[0].Id;
        return ranking.Find(id) is null
            ? throw new ArgumentException($"{units[0].FullName} ({units[0].Id}) không có trong xếp hạng năm {year}.", nameof(request))
            : RankingChartBuilder.Build(ranking, id);
    }

    /// <summary>The map of a level and year, coloured by the index, an area (<see cref="ChartRequest.Area"/>) or a
    /// criterion (<see cref="ChartRequest.Code"/>); a unit without that value is grey, never 0.</summary>
    private static ChartSpec Map(IndexData data, ChartRequest request, IReadOnlyList<int> years, string kind, MapBoundaries maps)
    {
        var year = Year(request, years, kind, data.Places);
        if (request.Area is not null && request.Code is not null)
        {
            throw new ArgumentException($"Bản đồ tô màu theo một thứ: lĩnh vực (linh-vuc={request.Area}) hoặc tiêu chí (ma={request.Code}), không cả hai.", nameof(request));
        }

        var availability = maps.For(data, request.Province, request.Level, year);
        if (availability.Boundaries is not { } boundaries)
        {
            throw new ArgumentException(availability.FullReason, nameof(request));
        }

        var results = data.ResultsOf(year, request.Province, request.Level);
        var framework = AreaDistributionChartBuilder.MainFramework(results);
        var measure = MapMeasureOf(request, framework, year);
        Func<UnitYearResult, decimal?> value = r => r.Index;
        if (measure.Code is { } code)
        {
            var cells = data.Cells(year, request.Province, request.Level, [code]);
            // Another framework does not score the same code: no value there, never 0.
            value = r => r.Framework.Id == framework.Id ? cells(r, code)?.Percent : null;
        }

        var byUnit = results.ToDictionary(r => r.Unit.Id, StringComparer.Ordinal);
        var units = data.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var entries = boundaries.Shapes
            .Where(s => units.ContainsKey(s.UnitId))
            .Select(s => new MapUnitValue(s.UnitId, units[s.UnitId].FullName, byUnit.TryGetValue(s.UnitId, out var r) ? value(r) : null))
            .ToList();
        var input = new MapInput(year, data.Places.LevelName(request.Level), measure, entries, ChartStatus.Of(results)) { Notes = availability.Notes };
        return MapChartBuilder.Build(boundaries, input);
    }

    /// <summary>The index, or the area or criterion the request names in the year's main framework.</summary>
    private static MapMeasure MapMeasureOf(ChartRequest request, Framework framework, int year)
    {
        var text = request.Area ?? request.Code;
        if (string.IsNullOrWhiteSpace(text))
        {
            return MapMeasure.Index;
        }

        var areas = string.Join(", ", framework.Criteria.Where(c => c.Level == CriterionLevel.Area).Select(c => c.Code));
        var found = CriterionCode.Normalize(text) is { } code ? framework.Find(code) : null;
        if (request.Area is not null)
        {
            return found is { Level: CriterionLevel.Area }
                ? MapMeasure.Area(found.Code, found.Name)
                : throw new ArgumentException($"Không có lĩnh vực '{text.Trim()}' trong {framework.DisplayName} (năm {year}; các lĩnh vực: {areas}).", nameof(request));
        }

        return found switch
        {
            { Level: CriterionLevel.Area } => MapMeasure.Area(found.Code, found.Name),
            { Level: CriterionLevel.Criterion } => MapMeasure.Criterion(found.Code, found.Name),
            { } => throw new ArgumentException($"Bản đồ tô màu theo lĩnh vực hoặc tiêu chí, không theo tiêu chí thành phần ('{found.Code}'): hãy ghi ma={found.ParentCode}.", nameof(request)),
            null => throw new ArgumentException($"Không có tiêu chí '{text.Trim()}' trong {framework.DisplayName} (năm {year}); hãy ghi mã như 7.2 (tiêu chí) hoặc linh-vuc=7 (lĩnh vực; các lĩnh vực: {areas}).", nameof(request)),
        };
    }

    private static ChartSpec CompareAreas(IndexData data, ChartRequest request, IReadOnlyList<int> years, List<Unit> units, string kind)
    {
        var year = Year(request, years, kind, data.Places);
        return CompareAreasChartBuilder.Build(units.Select(u => Result(data, u, year, request)).ToList());
    }

    private static ChartSpec Heatmap(IndexData data, ChartRequest request, IReadOnlyList<int> years, string kind)
    {
        var year = Year(request, years, kind, data.Places);
        var code = string.IsNullOrWhiteSpace(request.Code) ? null
            : CriterionCode.Normalize(request.Code) ?? throw new ArgumentException($"'{request.Code}' không phải là mã lĩnh vực hoặc tiêu chí (ví dụ 7 hoặc 7.1).", nameof(request));
        var results = data.ResultsOf(year, request.Province, request.Level);
        var columns = results.Count == 0 ? [] : HeatmapChartBuilder.Columns(AreaDistributionChartBuilder.MainFramework(results), code);
        return HeatmapChartBuilder.Build(results, year, data.Places.LevelName(request.Level), code, data.Cells(year, request.Province, request.Level, columns.Select(c => c.Code)));
    }

    private static ChartSpec SelfVsAppraised(IndexData data, ChartRequest request, IReadOnlyList<int> years, List<Unit> units, string kind)
    {
        var year = Year(request, years, kind, data.Places);
        if (units.Count == 1)
        {
            return SelfVsAppraisedChartBuilder.ForUnit(Result(data, units[0], year, request));
        }

        var results = data.ResultsOf(year, request.Province, request.Level);
        return SelfVsAppraisedChartBuilder.ForYear(YearAppraisalGaps.Of(data, year, request.Province, request.Level), results, data.Places.LevelName(request.Level));
    }

    private static ChartSpec RankMovement(IndexData data, ChartRequest request, IReadOnlyList<int> years, string kind, AnalyticsOptions options)
    {
        var year = Year(request, years, kind, data.Places);
        if (!years.Contains(year - 1))
        {
            throw new ArgumentException($"Biểu đồ '{kind}' so sánh với năm trước, nhưng không có kết quả năm {year - 1}.", nameof(request));
        }

        return RankMovementChartBuilder.Build(
            Ranker.For(data, year, request.Province, request.Level, options),
            Ranker.For(data, year - 1, request.Province, request.Level, options),
            unitId => data.Lineage.SeriesOf(unitId).UnitIdIn(year - 1));
    }

    /// <summary>The concept a request names: a concept id, or a criterion code read in the framework of the requested
    /// year (or of the first year with data).</summary>
    private static string Concept(IndexData data, ChartRequest request, IReadOnlyList<int> years, string kind)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            throw new ArgumentException($"Biểu đồ '{kind}' cần mã khái niệm (ví dụ online-services-level-3) hoặc mã tiêu chí (ví dụ 7.1.4).", nameof(request));
        }

        var text = request.Code.Trim();
        if (data.Crosswalk.FindConcept(text) is not null)
        {
            return text;
        }

        var year = request.Year is null ? years[0] : Year(request, years, kind, data.Places);
        var framework = AreaDistributionChartBuilder.MainFramework(data.ResultsOf(year, request.Province, request.Level));
        var code = CriterionCode.Normalize(text);
        return (code is null ? null : data.Crosswalk.EntryOf(framework.Id, code)?.ConceptId)
            ?? throw new ArgumentException($"Không có khái niệm hoặc mã tiêu chí '{text}' (mã được tra trong {framework.DisplayName}, áp dụng năm {year}).", nameof(request));
    }
}
