namespace CchcAnalytics.Ingest;

/// <summary>One place where a document names its own unit: what kind of place, the name as written
/// ("HUYỆN HOÀNG HÓA", "huyện Hoàng Hoá"), the line (1-based; null for the file name) and the words around it.</summary>
public sealed record UnitStatement(StatementKind Kind, string Name, int? Line, string Text);
