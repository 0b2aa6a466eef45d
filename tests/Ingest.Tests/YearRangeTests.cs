using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>A document may state a year up to next year by the clock passed in <see cref="IngestOptions.Time"/>; the
/// machine's clock is only the default.</summary>
public sealed class YearRangeTests
{
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    [Fact]
    public void Run_RealReport2017WithClockIn2016_Accepted()
    {
        var report = runner.Run(TestFiles.RealReport, new IngestOptions(Time: new FixedClock(new DateTimeOffset(2016, 12, 31, 23, 0, 0, TimeSpan.Zero))));

        report.Accepted.ShouldBeTrue();
        report.SelfPoints.ShouldBe(92m);
    }

    [Fact]
    public void Run_RealReport2017WithClockIn2015_YearOutOfRangeNamingTheRange()
    {
        var report = runner.Run(TestFiles.RealReport, new IngestOptions(Time: new FixedClock(new DateTimeOffset(2015, 6, 1, 0, 0, 0, TimeSpan.Zero))));

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.Single(p => p.Code == ProblemCodes.YearOutOfRange);
        problem.Severity.ShouldBe(Severity.Error);
        problem.Message.ShouldBe("Năm 2017 nằm ngoài các năm có Chỉ số (2012–2016).");
    }
}
