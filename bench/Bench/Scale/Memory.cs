using System.Globalization;

namespace CchcAnalytics.Bench.Scale;

/// <summary>Resident memory from <c>/proc/&lt;pid&gt;/status</c> (Linux): VmRSS now and VmHWM, the peak since the process
/// started or since the peak was last reset through <c>/proc/&lt;pid&gt;/clear_refs</c>. Elsewhere: the process's
/// working set and its peak.</summary>
internal static class Memory
{
    /// <summary>VmRSS of a process (this one by default), in bytes.</summary>
    public static long Resident(int? pid = null) => Status(pid, "VmRSS:") ?? WorkingSet(pid, peak: false);

    /// <summary>VmHWM of a process (this one by default), in bytes.</summary>
    public static long PeakWorkingSet(int? pid = null) => Status(pid, "VmHWM:") ?? WorkingSet(pid, peak: true);

    /// <summary>Resets the peak to the current resident size; false where that is not possible.</summary>
    public static bool ResetPeak(int? pid = null)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                File.WriteAllText($"/proc/{(pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "self")}/clear_refs", "5");
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not allowed here: the peak stays the process's peak so far.
        }

        return false;
    }

    /// <summary>A full collection, then the peak reset: what this process measures next starts from its live data.</summary>
    public static void CollectAndResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeak();
    }

    private static long? Status(int? pid, string field)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = $"/proc/{(pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "self")}/status";
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static long WorkingSet(int? pid, bool peak)
    {
        using var process = pid is { } p ? System.Diagnostics.Process.GetProcessById(p) : System.Diagnostics.Process.GetCurrentProcess();
        return peak ? process.PeakWorkingSet64 : process.WorkingSet64;
    }
}

/// <summary>CPU time (user + system, all threads) of a process: a figure that stays meaningful when other work shares
/// the machine, which wall times do not.</summary>
internal static class Cpu
{
    public static TimeSpan Of(int? pid = null)
    {
        using var process = pid is { } p ? System.Diagnostics.Process.GetProcessById(p) : System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
