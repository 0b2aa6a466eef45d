namespace CchcAnalytics.Core;

/// <summary>A unit found for a name written in a document.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Loose">True when only the unaccented spelling matched (and only one unit has it);
/// ingest reports a warning so a person can check.</param>
public sealed record UnitMatch(Unit Unit, bool Loose);
