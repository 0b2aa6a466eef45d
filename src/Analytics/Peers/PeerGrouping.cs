using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>Peer groups (nhóm tương đồng) of one year's units by k-means over their area profiles, with anomaly flags
/// and a comparison against index terciles. Method, thresholds and observed numbers: docs/peer-groups.md.</summary>
public static class PeerGrouping
{
    /// <summary>Units needed before anomalies are scored. The largest z a single value can reach among n values is
    /// √(n − 1), so with 5 units or fewer no score can exceed mean + 2 sd.</summary>
    public const int MinUnitsForAnomalies = 6;

    /// <summary>A score is flagged above the mean of the scores plus this many standard deviations.</summary>
    public const decimal ThresholdStandardDeviations = 2m;

    /// <summary>At most this many areas are named in a flag.</summary>
    public const int MaxFlagAreas = 3;

    /// <summary>Besides the first, an area is named in a flag only when |z| reaches this.</summary>
    public const decimal FlagAreaMinZ = 1m;

    /// <summary>k-means "adds something" over the rule only when its groups cut the within-group variance of the area
    /// profiles by at least this share of the rule's ...</summary>
    public const decimal MinVarianceReduction = 0.15m;

    /// <summary>... and the two groupings are not practically the same (adjusted Rand index below this).</summary>
    public const decimal SameGroupingAdjustedRand = 0.9m;

    /// <summary>Principal components the anomaly model keeps: the first, which on the sample is the general level of all
    /// areas in 7 of 8 years. A flagged unit is then unusual for its own level, not just strong or weak overall.</summary>
    public const int AnomalyRank = 1;

    /// <summary>Extra k-means runs, with seeds Seed + 1000, + 2000, …, whose agreement with the chosen groups measures how
    /// much the groups depend on the seed.</summary>
    public const int StabilityRuns = 4;

    /// <summary>k-means "adds something" only when its groups are also this stable across seeds (mean adjusted Rand index).</summary>
    public const decimal MinSeedStability = 0.8m;

    /// <summary>Groups one year's results. All results must share one year and one framework.</summary>
    /// <param name="results">One year's results, e.g. <see cref="IndexData.ResultsOf"/>; order does not matter.</param>
    /// <param name="options">k (<see cref="AnalyticsOptions.PeerGroups"/>) and the seed.</param>
    public static PeerAnalysis Analyse(IReadOnlyList<UnitYearResult> results, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var (year, framework) = CheckInput(results, options);
        var features = framework.Criteria
            .Where(c => c.Level == CriterionLevel.Area && c.MaxPoints > 0)
            .OrderBy(c => c.Code, Comparer<string>.Create(CriterionCode.Compare))
            .Select(c => new PeerFeature(c.Code, c.Name, c.MaxPoints))
            .ToList();
        if (features.Count == 0)
        {
            throw new ArgumentException($"Framework '{framework.Id}' has no areas to group {nameof(results)} by", nameof(results));
        }

        var (members, excluded) = Profiles(results, features);
        var province = ProvinceStats(members, features.Count);
        var z = members.Select(m => m.Areas.Select((a, j) => province[j].Z(a.Percent)).ToArray()).ToList();
        var floats = z.Select(row => row.Select(v => (float)v).ToArray()).ToList();

        // k-means cannot make more groups than there are different profiles.
        var distinctProfiles = floats.Select(f => string.Join(',', f.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Distinct(StringComparer.Ordinal).Count();
        var k = Math.Min(options.PeerGroups, distinctProfiles);
        var labels = members.Count == 0 ? [] : PeerClustering.Cluster(floats, k, options.Seed);
        var groups = Groups(members, labels, features, province);
        var numberOf = groups.SelectMany(g => g.Members.Select(m => (m.Unit.Id, g.Number))).ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);

        var anomalies = Anomalies(members, z, floats, features, province, options.Seed);
        var explanation = Explain(year, features, groups.Count, options, members.Count, excluded);
        var comparison = new Lazy<RuleComparison>(() =>
        {
            var stability = k < 2 ? 1m : Enumerable.Range(1, StabilityRuns)
                .Average(run => PartitionAgreement.AdjustedRandIndex(labels, PeerClustering.Cluster(floats, k, unchecked(options.Seed + (1000 * run)))));
            return Compare(members, z, numberOf, groups.Count, stability);
        });
        return new PeerAnalysis(year, framework.Id, features, groups, excluded, anomalies, explanation, comparison);
    }

    private static (int Year, Framework Framework) CheckInput(IReadOnlyList<UnitYearResult> results, AnalyticsOptions options)
    {
        if (results.Count == 0)
        {
            throw new ArgumentException($"{nameof(results)} needs at least one unit-year", nameof(results));
        }

        if (options.PeerGroups < 1)
        {
            throw new ArgumentException($"{nameof(options.PeerGroups)} must be at least 1 (was {options.PeerGroups})", nameof(options));
        }

        var first = results[0];
        if (results.FirstOrDefault(r => r.Framework.Id != first.Framework.Id) is { } other)
        {
            throw new ArgumentException(
                $"{nameof(results)} must share one framework: {first.Unit.Id} uses '{first.Framework.Id}', {other.Unit.Id} uses '{other.Framework.Id}'", nameof(results));
        }

        if (results.FirstOrDefault(r => r.Year != first.Year) is { } otherYear)
        {
            throw new ArgumentException($"{nameof(results)} must be one year: {first.Year} and {otherYear.Year}", nameof(results));
        }

        if (results.GroupBy(r => r.Unit.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{nameof(results)} holds unit '{twice.Key}' twice", nameof(results));
        }

        return (first.Year, first.Framework);
    }

    /// <summary>Each unit's area %, by unit id; units with an area without points are set aside, never filled with 0.</summary>
    private static (List<PeerMember> Members, List<ExcludedUnit> Excluded) Profiles(IReadOnlyList<UnitYearResult> results, List<PeerFeature> features)
    {
        var members = new List<PeerMember>();
        var excluded = new List<ExcludedUnit>();
        foreach (var result in results.OrderBy(r => r.Unit.Id, StringComparer.Ordinal))
        {
            var areas = features.Select(f => (f.AreaCode, Row: result.Find(f.AreaCode) is { Level: CriterionLevel.Area } row ? row : null)).ToList();
            var missing = areas.Where(a => a.Row?.Percent is null).Select(a => a.AreaCode).ToList();
            if (missing.Count > 0)
            {
                excluded.Add(new ExcludedUnit(result.Unit, missing, string.Create(CultureInfo.InvariantCulture,
                    $"{VietnameseText.Capitalised(result.Unit.FullName)} không được xếp nhóm năm {result.Year}: thiếu điểm lĩnh vực {string.Join(", ", missing)} (không coi thiếu là 0 điểm).")));
                continue;
            }

            // The unit's own area maxima (the applicable max), as UnitYearResult.Index uses them.
            var index = result.Index ?? areas.Sum(a => a.Row!.Points!.Value) / areas.Sum(a => a.Row!.MaxPoints) * 100m;
            members.Add(new PeerMember(result, index, areas.Select(a => new AreaPercent(a.AreaCode, a.Row!.Percent!.Value)).ToList()));
        }

        return (members, excluded);
    }

    private static List<AreaStats> ProvinceStats(List<PeerMember> members, int areas) =>
        Enumerable.Range(0, areas).Select(j =>
        {
            if (members.Count == 0)
            {
                return new AreaStats(0m, 0m);
            }

            var mean = members.Average(m => m.Areas[j].Percent);
            var variance = members.Average(m => (m.Areas[j].Percent - mean) * (m.Areas[j].Percent - mean));
            // The square root is the one step decimal has no operation for.
            return new AreaStats(mean, (decimal)Math.Sqrt((double)variance));
        }).ToList();

    private static List<PeerGroup> Groups(List<PeerMember> members, int[] labels, List<PeerFeature> features, List<AreaStats> province)
    {
        var clusters = members.Select((m, i) => (Member: m, Label: labels[i]))
            .GroupBy(x => x.Label, x => x.Member)
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Average(m => m.Index))
            .ThenBy(g => g[0].Unit.Id, StringComparer.Ordinal)
            .ToList();
        return clusters.Select((cluster, i) =>
        {
            var number = i + 1;
            var centroid = features.Select((f, j) => new AreaPercent(f.AreaCode, cluster.Average(m => m.Areas[j].Percent))).ToList();
            var meanIndex = cluster.Average(m => m.Index);
            return new PeerGroup(number, Label(number, clusters.Count), Describe(cluster.Count, meanIndex, centroid, province), meanIndex, centroid, cluster);
        }).ToList();
    }

    private static string Label(int number, int count)
    {
        var tier = count == 1 ? "toàn tỉnh"
            : number == 1 ? "chỉ số cao"
            : number == count ? "chỉ số thấp"
            : "chỉ số trung bình";
        return $"Nhóm {number.ToString(CultureInfo.InvariantCulture)} – {tier}";
    }

    private static string Describe(int size, decimal meanIndex, List<AreaPercent> centroid, List<AreaStats> province)
    {
        var gaps = centroid.Select((c, j) => (c.AreaCode, Gap: c.Percent - province[j].Mean)).ToList();
        var above = gaps.OrderByDescending(g => g.Gap).First();
        var below = gaps.OrderBy(g => g.Gap).First();
        return $"{size.ToString(CultureInfo.InvariantCulture)} đơn vị, chỉ số bình quân {PeerText.Vi(meanIndex)}; so với bình quân tỉnh, "
            + $"cao nhất ở lĩnh vực {above.AreaCode} ({PeerText.ViSigned(above.Gap)} điểm phần trăm), "
            + $"thấp nhất ở lĩnh vực {below.AreaCode} ({PeerText.ViSigned(below.Gap)} điểm phần trăm).";
    }

    private static AnomalyReport Anomalies(
        List<PeerMember> members, List<decimal[]> z, List<float[]> floats, List<PeerFeature> features, List<AreaStats> province, int seed)
    {
        if (members.Count < MinUnitsForAnomalies || features.Count < 2)
        {
            return new AnomalyReport("none", 0, 0m, new Dictionary<string, decimal>(StringComparer.Ordinal), [],
                $"Không đánh giá bất thường: cần ít nhất {MinUnitsForAnomalies.ToString(CultureInfo.InvariantCulture)} đơn vị được xếp nhóm và 2 lĩnh vực.",
                $"No anomaly scores: they need at least {MinUnitsForAnomalies.ToString(CultureInfo.InvariantCulture)} grouped units and 2 areas.");
        }

        var raw = ProfileAnomalyModel.Score(floats, AnomalyRank, seed);
        var scores = raw.Select(s => Math.Round((decimal)s.Residual, 4)).ToList();
        var mean = scores.Average();
        var sd = (decimal)Math.Sqrt((double)scores.Average(s => (s - mean) * (s - mean)));
        var threshold = Math.Round(mean + (ThresholdStandardDeviations * sd), 4);
        var flags = new List<AnomalyFlag>();
        foreach (var i in Enumerable.Range(0, members.Count).Where(i => scores[i] > threshold).OrderByDescending(i => scores[i]))
        {
            var areas = Enumerable.Range(0, features.Count)
                .OrderByDescending(j => Math.Abs(z[i][j]))
                .ThenBy(j => j)
                .Take(MaxFlagAreas)
                .Where((j, position) => position == 0 || Math.Abs(z[i][j]) >= FlagAreaMinZ)
                .Select(j => new AreaDeviation(features[j].AreaCode, features[j].Name, members[i].Areas[j].Percent, province[j].Mean, Math.Round(z[i][j], 2)))
                .ToList();
            flags.Add(new AnomalyFlag(members[i].Unit, scores[i], areas, FlagText(members[i].Unit, scores[i], threshold, areas)));
        }

        var rankText = AnomalyRank.ToString(CultureInfo.InvariantCulture);
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        return new AnomalyReport(
            "ML.NET RandomizedPca, distance from the principal subspace",
            AnomalyRank,
            threshold,
            members.Select((m, i) => (m.Unit.Id, Score: scores[i])).ToDictionary(x => x.Id, x => x.Score, StringComparer.Ordinal),
            flags,
            $"Cảnh báo bất thường: mô hình PCA (ML.NET RandomizedPca, {rankText} thành phần chính, hạt giống {seedText}) tìm xu hướng chung mạnh nhất của các hồ sơ lĩnh vực đã chuẩn hóa, "
            + "thường là mức điểm chung của mọi lĩnh vực. Điểm bất thường của một đơn vị là phần hồ sơ không giải thích được bằng xu hướng đó: khoảng cách (tính bằng độ lệch chuẩn) từ hồ sơ đến thành phần chính. "
            + "Vì vậy đơn vị chỉ cao đều hoặc thấp đều ở mọi lĩnh vực không bị cảnh báo; đơn vị bị cảnh báo có cơ cấu điểm khác thường so với mức chung của chính mình. "
            + $"Đơn vị bị cảnh báo khi điểm vượt bình quân + {PeerText.Vi(ThresholdStandardDeviations)} độ lệch chuẩn của các điểm (ngưỡng {PeerText.Vi(threshold, 2)}). "
            + "Các lĩnh vực nêu kèm là những lĩnh vực có độ lệch chuẩn hóa (z) so với bình quân tỉnh lớn nhất.",
            $"Anomaly flags: a PCA model (ML.NET RandomizedPca, {rankText} principal component, seed {seedText}) finds the strongest common pattern of the standardized area profiles, "
            + "usually the general level of all areas. A unit's score is the part of its profile that pattern does not explain: the distance (in standard deviations) from the profile to the principal component. "
            + "So a unit that is evenly strong or evenly weak is not flagged; a flagged unit has an unusual mix of areas for its own level. "
            + $"A unit is flagged when its score exceeds the mean + {PeerText.En(ThresholdStandardDeviations)} standard deviations of the scores (threshold {PeerText.En(threshold, 2)}). "
            + "The areas named are those with the largest standardized deviation (z) from the province mean.");
    }

    private static string FlagText(Unit unit, decimal score, decimal threshold, List<AreaDeviation> areas)
    {
        var parts = areas.Select(a =>
            $"lĩnh vực {a.AreaCode} ({a.AreaName}) {(a.ZScore < 0 ? "thấp hơn" : "cao hơn")} bình quân tỉnh: {PeerText.Vi(a.Percent)}% so với {PeerText.Vi(a.ProvinceMean)}% (z = {PeerText.ViSigned(a.ZScore, 2)})");
        return $"{VietnameseText.Capitalised(unit.FullName)} có hồ sơ điểm khác thường (điểm bất thường {PeerText.Vi(score, 2)}, ngưỡng {PeerText.Vi(threshold, 2)}): {string.Join("; ", parts)}.";
    }

    private static PeerExplanation Explain(int year, List<PeerFeature> features, int k, AnalyticsOptions options, int units, List<ExcludedUnit> excluded)
    {
        static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
        var list = string.Join("; ", features.Select(f => $"{f.AreaCode}. {f.Name}"));
        var starts = PeerClustering.StartsFor(units);
        var lastSeed = unchecked(options.Seed + starts - 1);
        var clampVi = k < options.PeerGroups ? $" (yêu cầu {Int(options.PeerGroups)} nhóm nhưng chỉ lập được {Int(k)} vì ít đơn vị hoặc ít hồ sơ khác nhau)" : "";
        var clampEn = k < options.PeerGroups ? $" ({Int(options.PeerGroups)} were asked for, but there are too few units or distinct profiles for more than {Int(k)})" : "";
        var excludedVi = excluded.Count == 0
            ? "Không đơn vị nào bị loại vì thiếu điểm."
            : $"{Int(excluded.Count)} đơn vị không được xếp nhóm vì thiếu điểm lĩnh vực (không coi thiếu là 0): {string.Join(", ", excluded.Select(e => e.Unit.FullName))}.";
        var excludedEn = excluded.Count == 0
            ? "No unit was left out for missing points."
            : $"{Int(excluded.Count)} unit(s) were left out because an area has no points (missing is never read as 0): {string.Join(", ", excluded.Select(e => e.Unit.Id))}.";
        var vietnamese =
            $"Nhóm tương đồng năm {Int(year)} được lập từ {Int(units)} đơn vị theo {Int(features.Count)} đặc trưng: tỷ lệ điểm đạt được so với điểm tối đa (%) của từng lĩnh vực ({list}). "
            + "Mỗi đặc trưng được chuẩn hóa (trừ bình quân tỉnh, chia cho độ lệch chuẩn) để các lĩnh vực có điểm tối đa khác nhau có trọng số như nhau. "
            + $"Thuật toán k-means (ML.NET, khởi tạo k-means++) chia các đơn vị thành {Int(k)} nhóm{clampVi}; thuật toán chạy {Int(starts)} lần với hạt giống {Int(options.Seed)} đến {Int(lastSeed)} "
            + "và giữ lần có tổng bình phương khoảng cách trong nhóm nhỏ nhất, nên cùng dữ liệu luôn cho cùng kết quả. "
            + $"Các nhóm được đánh số theo chỉ số bình quân giảm dần: Nhóm 1 là nhóm mạnh nhất. {excludedVi}";
        var english =
            $"Peer groups for {Int(year)} were formed from {Int(units)} units on {Int(features.Count)} features: each area's points as a % of its maximum ({list}). "
            + "Each feature is standardized (minus the province mean, divided by the standard deviation) so areas with different maxima weigh the same. "
            + $"ML.NET k-means (k-means++ initialisation) splits the units into {Int(k)} groups{clampEn}; it runs {Int(starts)} times with seeds {Int(options.Seed)} to {Int(lastSeed)} "
            + "and keeps the run with the smallest within-group sum of squared distances, so the same data always give the same groups. "
            + $"Groups are numbered by descending mean index: group 1 is the strongest. {excludedEn}";
        return new PeerExplanation(features, k, options.PeerGroups, options.Seed, starts, units, excluded.Count, vietnamese, english);
    }

    private static RuleComparison Compare(List<PeerMember> members, List<decimal[]> z, Dictionary<string, int> numberOf, int k, decimal stability)
    {
        // The rule: rank by index (highest first, ties by unit id) and cut into k groups as equal as possible.
        var ranked = members.OrderByDescending(m => m.Index).ThenBy(m => m.Unit.Id, StringComparer.Ordinal).ToList();
        var rule = ranked.Select((m, position) => (m.Unit.Id, Group: (position * k / ranked.Count) + 1))
            .ToDictionary(x => x.Id, x => x.Group, StringComparer.Ordinal);
        var byKMeans = members.Select(m => numberOf[m.Unit.Id]).ToList();
        var byRule = members.Select(m => rule[m.Unit.Id]).ToList();
        var percents = members.Select(m => m.Areas.Select(a => a.Percent).ToArray()).ToList();
        var ari = PartitionAgreement.AdjustedRandIndex(byKMeans, byRule);
        var total = WithinVariance(percents, members.Select(_ => 0).ToList());
        var kmeans = WithinVariance(percents, byKMeans);
        var simple = WithinVariance(percents, byRule);
        var kmeansZ = WithinVariance(z, byKMeans);
        var simpleZ = WithinVariance(z, byRule);
        var index = members.Select(m => new[] { m.Index }).ToList();
        var kmeansIndex = WithinVariance(index, byKMeans);
        var simpleIndex = WithinVariance(index, byRule);
        var reduction = simple == 0 ? 0m : (simple - kmeans) / simple;
        var comparable = k >= 2 && members.Count > k;
        var adds = comparable && reduction >= MinVarianceReduction && ari < SameGroupingAdjustedRand && stability >= MinSeedStability;
        var (vietnamese, english) = comparable
            ? CompareText(k, ari, total, kmeans, simple, kmeansZ, simpleZ, kmeansIndex, simpleIndex, stability, reduction, adds)
            : ("Không so sánh với quy tắc đơn giản: quá ít đơn vị hoặc nhóm.", "No comparison with the simple rule: too few units or groups.");
        return new RuleComparison(rule, ari, total, kmeans, simple, kmeansZ, simpleZ, kmeansIndex, simpleIndex, stability, adds, vietnamese, english);
    }

    private static (string Vietnamese, string English) CompareText(
        int k, decimal ari, decimal total, decimal kmeans, decimal simple, decimal kmeansZ, decimal simpleZ, decimal kmeansIndex, decimal simpleIndex,
        decimal stability, decimal reduction, bool adds)
    {
        var kText = k.ToString(CultureInfo.InvariantCulture);
        var ruleVi = k == 3 ? "chia ba nhóm theo tam phân vị chỉ số" : $"chia {kText} nhóm đều nhau theo thứ hạng chỉ số";
        var ruleEn = k == 3 ? "index terciles" : $"{kText} equal groups by index rank";
        var vietnamese =
            $"So với quy tắc đơn giản ({ruleVi}), mức trùng khớp của k-means (chỉ số Rand hiệu chỉnh, ARI) là {PeerText.Vi(ari, 2)}. "
            + $"Phương sai trong nhóm của tỷ lệ điểm lĩnh vực (điểm phần trăm bình phương, bình quân các lĩnh vực): k-means {PeerText.Vi(kmeans)}, quy tắc {PeerText.Vi(simple)}, toàn tỉnh {PeerText.Vi(total)}; "
            + $"tính trên đặc trưng đã chuẩn hóa (mục tiêu của k-means): k-means {PeerText.Vi(kmeansZ, 2)}, quy tắc {PeerText.Vi(simpleZ, 2)}; "
            + $"phương sai chỉ số trong nhóm: k-means {PeerText.Vi(kmeansIndex, 2)}, quy tắc {PeerText.Vi(simpleIndex, 2)}. "
            + $"Độ ổn định của k-means khi đổi hạt giống (ARI bình quân với {StabilityRuns.ToString(CultureInfo.InvariantCulture)} lần chạy khác): {PeerText.Vi(stability, 2)}. "
            + (adds
                ? $"Trên dữ liệu này k-means có giá trị hơn quy tắc: hồ sơ lĩnh vực trong nhóm đồng đều hơn rõ rệt (giảm {PeerText.Vi(reduction * 100m)}% phương sai), cách chia khác với chia theo chỉ số và ổn định."
                : ari >= SameGroupingAdjustedRand
                    ? "Trên dữ liệu này k-means gần như trùng với cách chia theo chỉ số, nên không bổ sung thông tin; quy tắc đơn giản là đủ."
                    : reduction < MinVarianceReduction
                        ? $"Trên dữ liệu này k-means không làm hồ sơ lĩnh vực trong nhóm đồng đều hơn đáng kể (phương sai {ChangeVi(reduction)} so với quy tắc, cần giảm ít nhất {PeerText.Vi(MinVarianceReduction * 100m)}%), nên chưa bổ sung nhiều so với quy tắc đơn giản."
                        : $"Trên dữ liệu này các nhóm k-means phụ thuộc nhiều vào hạt giống (độ ổn định {PeerText.Vi(stability, 2)}, dưới mức {PeerText.Vi(MinSeedStability, 2)}), nên chưa đủ tin cậy để thay quy tắc đơn giản.");
        var english =
            $"Against the simple rule ({ruleEn}), the adjusted Rand index of the k-means groups is {PeerText.En(ari, 2)}. "
            + $"Within-group variance of the area % (squared percentage points, averaged over areas): k-means {PeerText.En(kmeans)}, rule {PeerText.En(simple)}, whole province {PeerText.En(total)}; "
            + $"on the standardized features (what k-means minimises): k-means {PeerText.En(kmeansZ, 2)}, rule {PeerText.En(simpleZ, 2)}; "
            + $"within-group variance of the index: k-means {PeerText.En(kmeansIndex, 2)}, rule {PeerText.En(simpleIndex, 2)}. "
            + $"Seed stability of k-means (mean adjusted Rand index against {StabilityRuns.ToString(CultureInfo.InvariantCulture)} runs with other seeds): {PeerText.En(stability, 2)}. "
            + (adds
                ? $"On this data k-means adds something over the rule: its groups have clearly tighter area profiles ({PeerText.En(reduction * 100m)}% less variance), differ from an index split, and are stable."
                : ari >= SameGroupingAdjustedRand
                    ? "On this data k-means nearly reproduces the index split, so it adds nothing; the simple rule is enough."
                    : reduction < MinVarianceReduction
                        ? $"On this data k-means does not make the area profiles within groups markedly tighter (variance {ChangeEn(reduction)} than the rule's; at least {PeerText.En(MinVarianceReduction * 100m)}% lower is needed), so it adds little over the simple rule."
                        : $"On this data the k-means groups depend on the seed (stability {PeerText.En(stability, 2)}, below {PeerText.En(MinSeedStability, 2)}), so they are not reliable enough to replace the simple rule.");
        return (vietnamese, english);
    }

    private static string ChangeVi(decimal reduction) =>
        reduction >= 0 ? $"thấp hơn {PeerText.Vi(reduction * 100m)}%" : $"cao hơn {PeerText.Vi(-reduction * 100m)}%";

    private static string ChangeEn(decimal reduction) =>
        reduction >= 0 ? $"{PeerText.En(reduction * 100m)}% lower" : $"{PeerText.En(-reduction * 100m)}% higher";

    /// <summary>Mean over units and columns of the squared gap between a unit's value and its group's mean for the column:
    /// the within-group variance pooled over groups.</summary>
    internal static decimal WithinVariance(IReadOnlyList<decimal[]> rows, IReadOnlyList<int> labels)
    {
        if (rows.Count == 0)
        {
            return 0m;
        }

        var columns = rows[0].Length;
        var sum = 0m;
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => labels[i]))
        {
            for (var j = 0; j < columns; j++)
            {
                var mean = group.Average(i => rows[i][j]);
                sum += group.Sum(i => (rows[i][j] - mean) * (rows[i][j] - mean));
            }
        }

        return sum / (rows.Count * columns);
    }

    /// <summary>Province mean and population standard deviation of one area's %.</summary>
    private readonly record struct AreaStats(decimal Mean, decimal StandardDeviation)
    {
        /// <summary>z-score; 0 when every unit has the same % (the area cannot tell units apart).</summary>
        public decimal Z(decimal percent) => StandardDeviation == 0 ? 0m : (percent - Mean) / StandardDeviation;
    }
}
