using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CchcAnalytics.Exports.Tests;

/// <summary>Makes small real PNG files (RGB, 8 bits) for the tests: plain rectangles or a bar chart of values, so the
/// packs written to artifacts/ show something sensible where the dashboard will put its ScottPlot charts.</summary>
internal static class TestPng
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static byte[] Plain(int width, int height, (byte R, byte G, byte B) colour) =>
        Encode(width, height, (_, _) => colour);

    /// <summary>Vertical bars for <paramref name="values"/> (0–100) on white, with a grey base line.</summary>
    public static byte[] Bars(IReadOnlyList<double> values, int width = 960, int height = 540, (byte R, byte G, byte B)? colour = null)
    {
        var bar = colour ?? ((byte)0x2E, (byte)0x75, (byte)0xB6);
        var slot = (width - 40) / Math.Max(values.Count, 1);
        var min = values.Count == 0 ? 0 : Math.Floor(values.Min() / 5) * 5 - 5;
        var max = values.Count == 0 ? 100 : Math.Ceiling(values.Max() / 5) * 5;
        return Encode(width, height, (x, y) =>
        {
            if (y == height - 30 && x >= 20 && x < width - 20)
            {
                return (0x80, 0x80, 0x80);
            }

            var i = (x - 20) / slot;
            if (x < 20 || i >= values.Count || (x - 20) % slot < slot / 5)
            {
                return (0xFF, 0xFF, 0xFF);
            }

            var top = height - 30 - (int)((values[i] - min) / (max - min) * (height - 60));
            return y >= top && y < height - 30 ? bar : ((byte)0xFF, (byte)0xFF, (byte)0xFF);
        });
    }

    private static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[1 + (3 * width)];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (r, g, b) = pixel(x, y);
                    line[1 + (3 * x)] = r;
                    line[2 + (3 * x)] = g;
                    line[3 + (3 * x)] = b;
                }

                zlib.Write(line);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeAndData)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc ^ 0xFFFFFFFFu);
        output.Write(crcBytes);
    }
}
