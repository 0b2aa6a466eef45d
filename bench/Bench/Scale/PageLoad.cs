using System.Diagnostics;
using System.Net;

namespace CchcAnalytics.Bench.Scale;

/// <summary>One address the bench requests. <c>Marker</c> is text a correct answer contains (a wrong page, an error
/// page or an empty table is an error, not a fast answer).</summary>
internal sealed record PageCase(string Id, string Title, string Path, string? Marker, bool WarmTarget);

/// <summary>Sequential timings of one page: the first request after start (or after the snapshot is warm) and the warm ones.</summary>
internal sealed record PageTiming(PageCase Page, double FirstMs, IReadOnlyList<double> WarmMs, long Bytes)
{
    public double P50 => Stats.Percentile(WarmMs, 50);

    public double P95 => Stats.Percentile(WarmMs, 95);
}

/// <summary>What <paramref name="Clients"/> concurrent clients got from one address in a bounded time.</summary>
internal sealed record LoadResult(PageCase Page, int Clients, TimeSpan Duration, TimeSpan Wall, int Ok, int Errors, string? FirstError, IReadOnlyList<double> LatenciesMs, long ServerPeakRss, bool Stopped)
{
    public double RequestsPerSecond => Ok / Wall.TotalSeconds;

    public double P50 => Stats.Percentile(LatenciesMs, 50);

    public double P99 => Stats.Percentile(LatenciesMs, 99);
}

/// <summary>HTTP loops over loopback. Times are measured at the client from sending the request to reading the last
/// byte of the answer: the server's time plus the loopback transfer (the bench and the dashboard share the CPU).</summary>
internal static class PageLoad
{
    /// <summary>One GET, the whole body read; throws on a status other than 200 or a missing marker.</summary>
    /// <summary>One GET, the whole body read; throws on a status other than 200 or, with <paramref name="checkMarker"/>,
    /// a missing marker. Under load the body is only counted, so that the client spends little of the shared CPU.</summary>
    public static async Task<(double Ms, long Bytes)> GetAsync(HttpClient http, PageCase page, bool checkMarker = true, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(page.Path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        long bytes;
        string? text = null;
        if (checkMarker && page.Marker is not null)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            bytes = body.LongLength;
            text = System.Text.Encoding.UTF8.GetString(body);
        }
        else
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var counter = new CountingStream();
            await stream.CopyToAsync(counter, cancellationToken);
            bytes = counter.Length;
        }

        var ms = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{page.Path}: HTTP {(int)response.StatusCode}");
        }

        if (text is not null && !text.Contains(page.Marker!, StringComparison.Ordinal))
        {
            throw new HttpRequestException($"{page.Path}: the answer does not contain '{page.Marker}'");
        }

        return (ms, bytes);
    }

    /// <summary>Warm requests one after the other: at least <paramref name="minimum"/>, then until <paramref name="count"/>
    /// or <paramref name="budget"/> is used up.</summary>
    public static async Task<PageTiming> WarmAsync(HttpClient http, PageCase page, double firstMs, int count, int minimum, TimeSpan budget)
    {
        var times = new List<double>();
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (times.Count < minimum || (times.Count < count && clock.Elapsed < budget))
        {
            var (ms, size) = await GetAsync(http, page);
            times.Add(ms);
            bytes = size;
        }

        return new PageTiming(page, firstMs, times, bytes);
    }

    /// <summary><paramref name="clients"/> loops, each sending its next request when the previous one is answered, for
    /// <paramref name="duration"/>; requests in flight then finish (each within <paramref name="requestTimeout"/>, else it
    /// counts as an error). Throughput is answered requests ÷ the wall time until the last one finished. The server's
    /// resident memory is sampled meanwhile; over <paramref name="maxServerRss"/> the run is stopped (requests in flight
    /// are cancelled and count as errors), so that the bench cannot take a shared machine's memory.</summary>
    public static async Task<LoadResult> ConcurrentAsync(Uri address, PageCase page, int clients, TimeSpan duration, TimeSpan requestTimeout, int serverPid, long maxServerRss)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = requestTimeout };
        using var abort = new CancellationTokenSource();
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        var gate = new Lock();
        var peak = Memory.Resident(serverPid);
        var clock = Stopwatch.StartNew();

        async Task Client()
        {
            while (clock.Elapsed < duration && !abort.IsCancellationRequested)
            {
                try
                {
                    var (ms, _) = await GetAsync(http, page, checkMarker: false, abort.Token);
                    lock (gate)
                    {
                        latencies.Add(ms);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    lock (gate)
                    {
                        errors++;
                        firstError ??= abort.IsCancellationRequested ? $"{page.Path}: stopped, the dashboard's resident memory passed {Stats.Bytes(maxServerRss)}"
                            : ex is OperationCanceledException ? $"{page.Path}: no answer within {requestTimeout.TotalSeconds:0} s"
                            : ex.Message;
                    }
                }
            }
        }

        var running = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client)));
        while (!running.IsCompleted)
        {
            peak = Math.Max(peak, Memory.Resident(serverPid));
            if (peak > maxServerRss)
            {
                await abort.CancelAsync();
            }

            await Task.WhenAny(running, Task.Delay(200));
        }

        await running;
        var wall = clock.Elapsed;
        return new LoadResult(page, clients, duration, wall, latencies.Count, errors, firstError, latencies, peak, abort.IsCancellationRequested);
    }
}

/// <summary>A write-only sink that counts bytes.</summary>
internal sealed class CountingStream : Stream
{
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
