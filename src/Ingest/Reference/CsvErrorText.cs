using CsvHelper;

namespace CchcAnalytics.Ingest.Reference;

/// <summary>What a CsvHelper exception means, in Vietnamese: its own messages are English and meant for programmers.</summary>
internal static class CsvErrorText
{
    public static string Describe(CsvHelperException exception) => exception switch
    {
        BadDataException when exception.Message.Contains("inconsistent number of columns", StringComparison.OrdinalIgnoreCase) =>
            "số cột khác với dòng tiêu đề",
        BadDataException => "có dấu nháy kép trong một ô không đặt trong nháy, hoặc dấu nháy không được đóng",
        CsvHelper.MissingFieldException => "thiếu cột so với dòng tiêu đề",
        _ => "không đọc được dòng này",
    };
}
