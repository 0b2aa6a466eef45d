using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Ingest;

/// <summary>What one ingest run reads: the reference data to check against, published-results files and documents
/// (real ones first, then the generated sample).</summary>
/// <param name="Reference">Units, lineage, frameworks and crosswalk: from the data folder when one was given, else the embedded copy.</param>
/// <param name="PublishedFiles">Files of <c>published/</c>.</param>
/// <param name="DocumentFiles">Report documents and canonical CSVs.</param>
/// <param name="FromDataFolder">True when <paramref name="Reference"/> was read from a data folder (so it should replace the
/// database's reference data); false when it is the embedded copy.</param>
public sealed record IngestPlan(ReferenceData Reference, IReadOnlyList<string> PublishedFiles, IReadOnlyList<string> DocumentFiles, bool FromDataFolder);

/// <summary>The layout of a data folder like the repository's <c>data/</c>: <c>units.csv</c>, <c>lineage.csv</c>,
/// <c>frameworks/</c> (reference data), <c>published/*.csv</c> (official results), and documents anywhere else
/// (<c>raw/</c> for real reports, <c>sample/</c> for the labelled synthetic sample).</summary>
public static class DataFolder
{
    public const string PublishedFolder = "published";
    public const string FrameworksFolder = "frameworks";
    public const string SampleFolder = "sample";

    /// <summary>Sorts paths into a plan. A data folder contributes its reference data, its published results and its
    /// documents; other folders and files are documents. Throws <see cref="Reference.ReferenceDataException"/> when a data folder's
    /// reference files are bad (naming file and line).</summary>
    /// <param name="paths">Files and folders to read.</param>
    /// <param name="referenceFolder">A data folder whose reference files to use (<c>--data DIR</c>) when no data
    /// folder is among <paramref name="paths"/>; it contributes no documents.</param>
    public static IngestPlan Plan(IEnumerable<string> paths, string? referenceFolder = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ReferenceData? reference = null;
        var published = new List<string>();
        var documents = new List<string>();
        // The same folder given twice ("data data") is read once.
        var unique = paths.DistinctBy(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)), StringComparer.Ordinal).ToList();
        foreach (var path in unique)
        {
            if (Directory.Exists(path) && ReferenceData.IsDataDirectory(path))
            {
                reference ??= ReferenceData.LoadFromDirectory(path);
                var publishedDirectory = Path.Combine(path, PublishedFolder);
                if (Directory.Exists(publishedDirectory))
                {
                    published.AddRange(Directory.EnumerateFiles(publishedDirectory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                }

                var inside = Directory.EnumerateDirectories(path)
                    .Where(d => Path.GetFileName(d) is not (PublishedFolder or FrameworksFolder))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var sample = inside.Where(d => Path.GetFileName(d) == SampleFolder).ToList();
                documents.AddRange(IngestRunner.ExpandPaths(inside.Except(sample)));
                documents.AddRange(IngestRunner.ExpandPaths(sample));
            }
            else
            {
                documents.AddRange(IngestRunner.ExpandPaths([path]));
            }
        }

        if (reference is null && referenceFolder is not null)
        {
            if (!ReferenceData.IsDataDirectory(referenceFolder))
            {
                throw new ReferenceDataException($"{referenceFolder}: không phải thư mục dữ liệu (cần units.csv và frameworks/frameworks.csv).");
            }

            reference = ReferenceData.LoadFromDirectory(referenceFolder);
        }

        return new IngestPlan(reference ?? ReferenceData.Embedded, published, documents.Distinct(StringComparer.Ordinal).ToList(), reference is not null);
    }

    /// <summary>The data folder a command run in <paramref name="directory"/> uses by default: <c>data/</c> under it
    /// (a clone of the repository), or the folder itself when it is a data folder; null when neither is.</summary>
    public static string? DefaultReferenceFolder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var data = Path.Combine(directory, "data");
        return ReferenceData.IsDataDirectory(data) ? data
            : ReferenceData.IsDataDirectory(directory) ? directory
            : null;
    }
}
