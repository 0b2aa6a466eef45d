namespace CchcAnalytics.Storage;

/// <summary>What storing a published-results file did.</summary>
/// <param name="Added">Rows new to the database.</param>
/// <param name="Unchanged">Rows already stored with the same values.</param>
/// <param name="Conflicts">Rows whose stored values differ; when any, nothing was written.</param>
public sealed record PublishedSave(int Added, int Unchanged, IReadOnlyList<string> Conflicts);
