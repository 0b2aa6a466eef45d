using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>Small RGB PNG images for fixtures: a red stamp (a ring) and a grey "scanned page" with dark text-like bars.</summary>
internal static class TestPng
{
    /// <summary>A red ring on white, like a unit's seal, <paramref name="size"/> pixels square.</summary>
    public static byte[] Stamp(int size = 120) => Encode(size, size, (x, y) =>
    {
        var dx = x - size / 2.0;
        var dy = y - size / 2.0;
        var r = Math.Sqrt(dx * dx + dy * dy);
        return r > size * 0.36 && r < size * 0.46 || r < size * 0.12 ? (200, 30, 30) : (255, 255, 255);
    });

    /// <summary>A page-shaped grey image with rows of dark bars: what a scanner gives, with no text in it.</summary>
    public static byte[] ScannedPage(int width = 200, int height = 280) => Encode(width, height, (x, y) =>
        y % 14 < 6 && x > 20 && x < width - 20 && (x / 9 + y / 14) % 5 != 0 ? (40, 40, 40) : (235, 235, 230));

    private static byte[] Encode(int width, int height, Func<int, int, (int R, int G, int B)> pixel)
    {
        var raw = new byte[height * (1 + width * 3)];
        var i = 0;
        for (var y = 0; y < height; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                raw[i++] = (byte)r;
                raw[i++] = (byte)g;
                raw[i++] = (byte)b;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
