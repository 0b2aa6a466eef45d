namespace CchcAnalytics.Ingest.Office;

/// <summary>CRC-32 as ZIP stores it (ISO 3309 / ITU-T V.42: polynomial 0xEDB88320 reflected, initial and final value
/// 0xFFFFFFFF), to check that each part of an Office package inflates to what was zipped.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Of(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    /// <summary>The CRC-32 of what <paramref name="stream"/> gives and its length, reading at most
    /// <paramref name="limit"/> bytes (a part that inflates to more than it declares stops there, and its length says so).</summary>
    public static (uint Crc, long Length) Of(Stream stream, long limit)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[81920];
        var crc = 0xFFFFFFFFu;
        long length = 0;
        int read;
        while (length < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - length))) > 0)
        {
            crc = Update(crc, buffer.AsSpan(0, read));
            length += read;
        }

        return (~crc, length);
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }
}
