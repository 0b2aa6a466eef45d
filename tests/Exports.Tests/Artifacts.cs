using CchcAnalytics.Tests;

namespace CchcAnalytics.Exports.Tests;

/// <summary>Files the tests write for a human to open: artifacts/exports/ at the repository root (git-ignored).</summary>
internal static class Artifacts
{
    public static string Folder { get; } = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "exports");

    public static void Save(string fileName, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, fileName), bytes);
    }
}
