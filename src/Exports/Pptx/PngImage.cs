using System.Buffers.Binary;

namespace CchcAnalytics.Exports.Pptx;

/// <summary>The pixel size of a PNG, read from its IHDR chunk (the first chunk, by the PNG specification).</summary>
internal readonly record struct PngImage(int Width, int Height)
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Header => "IHDR"u8;

    public static PngImage Read(ReadOnlySpan<byte> bytes, string paramName)
    {
        if (bytes.Length < 24 || !bytes[..8].SequenceEqual(Signature) || !bytes[12..16].SequenceEqual(Header))
        {
            throw new ArgumentException("The image is not a PNG file (no PNG signature and IHDR header).", paramName);
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes[16..20]);
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes[20..24]);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"The PNG states an impossible size {width}×{height}.", paramName);
        }

        return new PngImage(width, height);
    }
}
