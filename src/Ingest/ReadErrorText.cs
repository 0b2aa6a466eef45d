using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace CchcAnalytics.Ingest;

/// <summary>What a user reads when a file cannot be read: a Vietnamese reason for each kind of .NET exception, never
/// the exception's own English message, which goes into <see cref="Core.Problem.Detail"/> for the log.</summary>
internal static class ReadErrorText
{
    /// <summary>Why the file itself could not be read from disk.</summary>
    public static string OfFile(Exception exception) => exception switch
    {
        FileNotFoundException => "tệp không tồn tại (có thể đã bị xoá hoặc đổi tên)",
        DirectoryNotFoundException => "thư mục chứa tệp không tồn tại",
        PathTooLongException => "đường dẫn của tệp quá dài",
        UnauthorizedAccessException => "không có quyền đọc tệp",
        _ => "hệ điều hành báo lỗi khi đọc tệp (ổ đĩa hoặc mạng có sự cố, hoặc tệp đang bị một chương trình khác khoá)",
    };

    /// <summary>Why an .xlsx or .docx package could not be opened.</summary>
    public static string OfPackage(Exception exception) => exception switch
    {
        OpenXmlPackageException => "gói tệp thiếu thành phần bắt buộc hoặc không đúng cấu trúc",
        XmlException => "nội dung XML bên trong gói tệp bị hỏng",
        InvalidDataException or FileFormatException => "gói ZIP của tệp bị hỏng hoặc bị cắt cụt",
        _ => "gói tệp bị hỏng",
    };
}
