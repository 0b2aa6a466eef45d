namespace CchcAnalytics.Core;

/// <summary>How a framework's criterion relates to the previous framework of the same province and level.</summary>
public enum MappingKind
{
    /// <summary>Same criterion (possibly renumbered or re-weighted; the note says which).</summary>
    [Code("same")]
    Same,

    /// <summary>Same thing under a new name or number.</summary>
    [Code("renamed")]
    Renamed,

    /// <summary>Part of an older criterion that was split.</summary>
    [Code("split")]
    Split,

    /// <summary>Several older criteria merged into one.</summary>
    [Code("merged")]
    Merged,

    /// <summary>No comparable predecessor.</summary>
    [Code("new")]
    New,

    /// <summary>An older concept this framework no longer scores (a crosswalk row without a code).</summary>
    [Code("dropped")]
    Dropped,
}

/// <summary>Text forms of <see cref="MappingKind"/>.</summary>
public static class MappingKindText
{
    public static string ToCode(this MappingKind kind) => EnumCodes.Code<MappingKind>(kind);

    public static bool TryParse(string? text, out MappingKind kind) => EnumCodes.TryParse<MappingKind>(text, out kind);
}

/// <summary>A stable idea that criteria of different frameworks measure (e.g. <c>online-services-level-3</c>).</summary>
/// <param name="Id">Slug.</param>
/// <param name="Level">Level of the criteria that measure it.</param>
/// <param name="Name">Vietnamese name.</param>
public sealed record Concept(string Id, CriterionLevel Level, string Name);

/// <summary>One row of the crosswalk: which concept a framework's code measures, and how it relates to the previous framework.</summary>
/// <param name="FrameworkId">Framework.</param>
/// <param name="Code">The framework's code; null for a <see cref="MappingKind.Dropped"/> row.</param>
/// <param name="ConceptId">Concept.</param>
/// <param name="Mapping">Relation to the previous framework.</param>
/// <param name="FromCodes">Codes of the previous framework it comes from (or, for new rows, is related to).</param>
/// <param name="Note">What changed (renumbered, re-weighted, …).</param>
public sealed record CrosswalkEntry(
    string FrameworkId,
    string? Code,
    string ConceptId,
    MappingKind Mapping,
    IReadOnlyList<string> FromCodes,
    string? Note);

/// <summary>Whether one concept's values can be compared between two frameworks, and what to tell the reader.</summary>
/// <param name="Comparable">True when the values measure the same thing (compare as % of max when re-weighted).</param>
/// <param name="Warnings">Vietnamese sentences ("cảnh báo so sánh") to show next to the comparison.</param>
public sealed record Comparability(bool Comparable, IReadOnlyList<string> Warnings);

/// <summary>Maps every framework's criteria to concepts, so series can be compared across framework changes
/// without silently joining things that are not the same.</summary>
public sealed class Crosswalk
{
    private readonly Dictionary<(string Framework, string Code), CrosswalkEntry> byCode = [];
    private readonly Dictionary<string, Concept> concepts;

    public Crosswalk(IEnumerable<Concept> concepts, IEnumerable<CrosswalkEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(entries);
        this.concepts = concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Entries = entries.ToList();
        foreach (var entry in Entries)
        {
            if (!this.concepts.ContainsKey(entry.ConceptId))
            {
                throw new ArgumentException($"Crosswalk row {entry.FrameworkId} {entry.Code} names unknown concept '{entry.ConceptId}'.", nameof(entries));
            }

            if (entry.Code is not null && !byCode.TryAdd((entry.FrameworkId, entry.Code), entry))
            {
                throw new ArgumentException($"Crosswalk maps {entry.FrameworkId} {entry.Code} twice.", nameof(entries));
            }
        }
    }

    public static Crosswalk Empty { get; } = new([], []);

    public IReadOnlyList<CrosswalkEntry> Entries { get; }

    public IReadOnlyCollection<Concept> Concepts => concepts.Values;

    public Concept? FindConcept(string conceptId) => concepts.GetValueOrDefault(conceptId);

    /// <summary>The crosswalk row of a framework's code; null when the code is not mapped.</summary>
    public CrosswalkEntry? EntryOf(string frameworkId, string code) => byCode.GetValueOrDefault((frameworkId, code));

    /// <summary>The code that measures <paramref name="conceptId"/> in a framework; null when the framework does not score it.</summary>
    public string? CodeOf(string frameworkId, string conceptId) =>
        Entries.FirstOrDefault(e => e.FrameworkId == frameworkId && e.ConceptId == conceptId && e.Code is not null)?.Code;

    /// <summary>Whether <paramref name="conceptId"/> can be compared from <paramref name="from"/> to <paramref name="to"/>
    /// (frameworks of one province and level, in time order, with every framework between them in <paramref name="path"/>).</summary>
    /// <param name="conceptId">Concept.</param>
    /// <param name="from">Earlier framework.</param>
    /// <param name="to">Later framework.</param>
    /// <param name="path">The frameworks in force from <paramref name="from"/> to <paramref name="to"/>, in time order, both ends included.</param>
    public Comparability Compare(string conceptId, Framework from, Framework to, IReadOnlyList<Framework> path)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(path);
        var warnings = new List<string>();
        if (from.Id == to.Id)
        {
            return new Comparability(true, warnings);
        }

        var name = FindConcept(conceptId)?.Name ?? conceptId;
        var fromCode = CodeOf(from.Id, conceptId);
        var toCode = CodeOf(to.Id, conceptId);
        if (fromCode is null || toCode is null)
        {
            warnings.Add($"Khung {(fromCode is null ? from.Id : to.Id)} không chấm “{name}”: không so sánh được.");
            return new Comparability(false, warnings);
        }

        var comparable = true;
        foreach (var framework in path.SkipWhile(f => f.Id != from.Id).Skip(1).TakeWhile(f => f.Id != to.Id).Append(to))
        {
            var entry = Entries.FirstOrDefault(e => e.FrameworkId == framework.Id && e.ConceptId == conceptId);
            switch (entry?.Mapping)
            {
                case null or MappingKind.Dropped:
                    warnings.Add($"Khung {framework.Id} không chấm “{name}”: không so sánh được.");
                    comparable = false;
                    break;
                case MappingKind.New or MappingKind.Merged or MappingKind.Split:
                    warnings.Add($"“{name}” được định nghĩa lại trong khung {framework.Id} ({MappingWord(entry.Mapping)}): không so sánh trực tiếp với các năm trước.");
                    comparable = false;
                    break;
                case MappingKind.Same or MappingKind.Renamed when entry.Code is not null && AllChildrenRedefined(framework, entry.Code):
                    // A parent is the sum of its sub-criteria: when every one of them is new or redefined, the parent
                    // measures something new too, whatever its own row says (2023's 7.2 online services, issue 15).
                    warnings.Add($"Mọi tiêu chí thành phần của {entry.Code} “{name}” trong khung {framework.Id} đều mới hoặc được định nghĩa lại: không so sánh trực tiếp với các năm trước.");
                    comparable = false;
                    break;
                case MappingKind.Renamed when entry.Code is not null:
                    warnings.Add($"Khung {framework.Id}: “{name}” đổi tên hoặc đánh số lại thành {entry.Code}.");
                    break;
                case MappingKind.Same when entry.Code is not null && !entry.FromCodes.Contains(entry.Code) && entry.FromCodes.Count > 0:
                    warnings.Add($"Khung {framework.Id}: “{name}” được đánh số lại thành {entry.Code}.");
                    break;
            }
        }

        var fromMax = from.Find(fromCode)?.MaxPoints;
        var toMax = to.Find(toCode)?.MaxPoints;
        if (fromMax is null || toMax is null)
        {
            warnings.Add($"Bảng đối chiếu trỏ tới tiêu chí không có trong khung ({fromCode} / {toCode}): không so sánh được.");
            return new Comparability(false, warnings);
        }

        if (comparable && fromMax != toMax)
        {
            warnings.Add($"Điểm chuẩn của “{name}” thay đổi ({VietnameseText.Number(fromMax!.Value)} → {VietnameseText.Number(toMax!.Value)}): so sánh theo % điểm chuẩn.");
        }

        if (comparable && (from.Status == FrameworkStatus.Illustrative || to.Status == FrameworkStatus.Illustrative))
        {
            warnings.Add("Có khung minh họa (không phải khung chính thức) trong so sánh.");
        }

        return new Comparability(comparable, warnings);
    }

    /// <summary>True when <paramref name="code"/> has sub-rows in <paramref name="framework"/> and every one of them is
    /// mapped as new, merged or split (or not mapped at all).</summary>
    private bool AllChildrenRedefined(Framework framework, string code)
    {
        var children = framework.Criteria.Where(c => c.ParentCode == code).ToList();
        return children.Count > 0
            && children.All(c => EntryOf(framework.Id, c.Code)?.Mapping is null or MappingKind.New or MappingKind.Merged or MappingKind.Split);
    }

    private static string MappingWord(MappingKind kind) => kind switch
    {
        MappingKind.New => "tiêu chí mới",
        MappingKind.Merged => "gộp từ nhiều tiêu chí",
        MappingKind.Split => "tách từ một tiêu chí",
        _ => kind.ToCode(),
    };
}
