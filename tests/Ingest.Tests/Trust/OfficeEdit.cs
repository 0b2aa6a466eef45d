using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>Edits a generated .docx or .xlsx in place (what the fixtures cannot say: hidden or deleted text, a second
/// report, a damaged row number).</summary>
internal static class OfficeEdit
{
    public static byte[] Docx(byte[] bytes, Action<W.Body> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            edit(document.MainDocumentPart!.Document!.Body!);
        }

        return stream.ToArray();
    }

    /// <summary>The real report's Word document with its unit renamed ("HOẰNG HÓA" → <paramref name="upper"/>,
    /// "Hoằng Hóa" → <paramref name="name"/>).</summary>
    public static byte[] DocxForUnit(byte[] bytes, string upper, string name) => Docx(bytes, body =>
    {
        foreach (var text in body.Descendants<W.Text>())
        {
            text.Text = text.Text.Replace("HOẰNG HÓA", upper, StringComparison.Ordinal).Replace("Hoằng Hóa", name, StringComparison.Ordinal);
        }
    });

    /// <summary>Appends the body of <paramref name="second"/> to <paramref name="first"/>'s: two reports in one document.</summary>
    public static byte[] Concatenate(byte[] first, byte[] second)
    {
        List<OpenXmlElement> elements;
        using (var other = WordprocessingDocument.Open(new MemoryStream(second), false))
        {
            elements = other.MainDocumentPart!.Document!.Body!.ChildElements.Where(e => e is not W.SectionProperties).Select(e => e.CloneNode(true)).ToList();
        }

        return Docx(first, body =>
        {
            foreach (var element in elements)
            {
                body.Append(element);
            }
        });
    }

    /// <summary>The worksheet XML of the only (or first) sheet, edited as text, then written back.</summary>
    public static byte[] XlsxSheetXml(byte[] bytes, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.First();
            string xml;
            using (var reader = new StreamReader(part.GetStream()))
            {
                xml = reader.ReadToEnd();
            }

            using var writer = new StreamWriter(part.GetStream(FileMode.Create));
            writer.Write(edit(xml));
        }

        return stream.ToArray();
    }
}
