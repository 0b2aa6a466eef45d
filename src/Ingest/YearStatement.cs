namespace CchcAnalytics.Ingest;

/// <summary>One place where a document states its own index year: what kind of place, the year, the line
/// (1-based; null for the file name) and the words around it, for messages.</summary>
public sealed record YearStatement(StatementKind Kind, int Year, int? Line, string Text);
