using System.Diagnostics;
using System.Globalization;

namespace CchcAnalytics.Bench;

/// <summary>A small explicit runner: warm-up, then timed iterations, the median reported. Every case runs in this one
/// process, so a ratio against the baseline measured in the same run cancels out most of the machine's speed.</summary>
internal static class BenchRunner
{
    public static Measurement Measure(BenchCase bench, int warmups, int iterations)
    {
        for (var i = 0; i < warmups; i++)
        {
            bench.Setup?.Invoke();
            bench.Run();
        }

        var times = new List<double>();
        var allocations = new List<long>();
        long peak = 0;
        for (var i = 0; i < iterations; i++)
        {
            bench.Setup?.Invoke();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            ResetPeakWorkingSet();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            bench.Run();
            clock.Stop();
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            times.Add(clock.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, PeakWorkingSet());
        }

        return new Measurement(bench.Id, bench.Title, iterations, Median(times), times.Min(), (long)Median(allocations.Select(a => (double)a).ToList()), peak);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>On Linux, writing 5 to /proc/self/clear_refs resets the peak resident set (VmHWM), so each case gets its
    /// own peak; elsewhere the peak is the process's so far.</summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not allowed here: the peak stays the process's peak so far.
        }
    }

    private static long PeakWorkingSet()
    {
        if (OperatingSystem.IsLinux())
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
