using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>What a DuckDB file shows from the outside, read without opening it: its checkpoint counter, its bytes,
/// and its write-ahead log.</summary>
internal static class DuckDbFile
{
    // DuckDB's file starts with a 4 KiB main header and two 4 KiB database headers (at 4096 and 8192) that a checkpoint
    // writes in turn; each is an 8-byte checksum followed by the header, whose first field is the checkpoint iteration.
    private static readonly int[] HeaderOffsets = [4096, 8192];

    /// <summary>The newest checkpoint iteration: it goes up by one with every completed checkpoint.</summary>
    public static ulong CheckpointIteration(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[8192 + 16];
        stream.ReadExactly(header);
        return HeaderOffsets.Max(o => BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(o + 8, 8)));
    }

    public static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The WAL's size, or null when there is none.</summary>
    public static long? WalBytes(string path)
    {
        var wal = new FileInfo(path + ".wal");
        return wal.Exists ? wal.Length : null;
    }

    /// <summary>Every file next to the database that belongs to it (the WAL, or anything else DuckDB leaves).</summary>
    public static IReadOnlyList<string> Companions(string path) =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
