namespace CchcAnalytics.Core;

/// <summary>How bad a problem found in an input file is.</summary>
public enum Severity
{
    /// <summary>The file is accepted; the warning is stored with the submission.</summary>
    Warning,

    /// <summary>The whole file is rejected and nothing is written.</summary>
    Error,
}
