using System.Buffers.Binary;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>A workbook or Word document whose parts do not match the CRC-32 the ZIP stores is damaged: it is refused as
/// unreadable, never read. (A bit flipped inside a compressed sheet once inflated to XML that lost a cell's number and
/// was accepted with that score missing: found by ReaderPropertyTests.)</summary>
public sealed class DamagedPackageTests
{
    private static readonly IngestRunner Runner = new(ReferenceData.Embedded);

    [Fact]
    public void Crc32_CheckValue_IsTheStandardOne() =>
        Crc32.Of(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xCBF43926u);

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    public void Run_PartWhoseContentDoesNotMatchItsCrc_RejectedAsUnreadable(string format)
    {
        var bytes = format == "xlsx" ? ReportWorkbook.FromRealReport().ToBytes() : ReportDocument.FromRealReport();
        var part = format == "xlsx" ? "xl/worksheets/sheet1.xml" : "word/document.xml";
        Runner.Run($"hoang-hoa-2017.{format}", bytes, new IngestOptions()).Accepted.ShouldBeTrue();

        // The part inflates exactly as before; only the checksum the central directory keeps for it differs.
        var damaged = WithCentralCrcFlipped(bytes, part);
        var report = Runner.Run($"hoang-hoa-2017.{format}", damaged, new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldContain($"thành phần '{part}' không khớp mã kiểm tra của gói ZIP (CRC-32)");
    }

    [Fact]
    public void Run_BitFlippedInsideTheCompressedSheet_RejectedAsUnreadable()
    {
        var bytes = ReportWorkbook.FromRealReport().ToBytes();
        var (start, length) = LocalData(bytes, "xl/worksheets/sheet1.xml");
        var damaged = (byte[])bytes.Clone();
        damaged[start + (length / 2)] ^= 1;

        var report = Runner.Run("hoang-hoa-2017.xlsx", damaged, new IngestOptions());

        report.Accepted.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.Unreadable);
    }

    /// <summary>The package with bit 0 of the CRC-32 that the central directory records for <paramref name="name"/> flipped.</summary>
    private static byte[] WithCentralCrcFlipped(byte[] zip, string name)
    {
        var copy = (byte[])zip.Clone();
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i)) == 0x02014b50
                && Encoding.UTF8.GetString(copy, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(i + 28))) == name)
            {
                copy[i + 16] ^= 1;
                return copy;
            }
        }

        throw new InvalidOperationException($"No central directory entry for {name}.");
    }

    /// <summary>Where the compressed data of <paramref name="name"/> starts in the package, and its compressed length.</summary>
    private static (int Start, int Length) LocalData(byte[] zip, string name)
    {
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x04034b50)
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 26));
                if (Encoding.UTF8.GetString(zip, i + 30, nameLength) == name)
                {
                    var extra = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
                    var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i + 18));
                    return (i + 30 + nameLength + extra, compressed);
                }
            }
        }

        throw new InvalidOperationException($"No local entry for {name}.");
    }
}
