namespace CchcAnalytics.Exports.Tests;

/// <summary>A test that renders slides with LibreOffice Impress and poppler (<c>soffice</c>, <c>pdftoppm</c>,
/// <c>pdftotext</c>): skipped with a reason where they are missing, except under CI (<c>CI=true</c>), which installs
/// them (.ci/run), so there a missing tool fails the test.</summary>
public sealed class RenderFactAttribute : FactAttribute
{
    public RenderFactAttribute()
    {
        Skip = SlideRendering.SkipReason;
    }
}
