using System.Buffers.Binary;
using System.Text;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>Makes a zip-bomb-like package from a real one: the central directory declares a huge uncompressed size for
/// one entry, as a bomb would, without the test having to inflate gigabytes.</summary>
internal static class ZipBomb
{
    private const uint CentralHeaderSignature = 0x02014b50;

    /// <summary>Declares <paramref name="declaredBytes"/> for the entry named <paramref name="entryName"/>, or for every
    /// entry when it is null.</summary>
    public static byte[] Forge(byte[] zip, string? entryName, uint declaredBytes)
    {
        var bytes = (byte[])zip.Clone();
        var found = false;
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != CentralHeaderSignature)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (entryName is null || Encoding.UTF8.GetString(bytes, i + 46, nameLength) == entryName)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredBytes);
                found = true;
            }
        }

        return found ? bytes : throw new ArgumentException($"No entry '{entryName}' in the package", nameof(entryName));
    }
}
