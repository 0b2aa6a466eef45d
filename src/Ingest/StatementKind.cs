namespace CchcAnalytics.Ingest;

/// <summary>Where a document states its own index year or unit. <see cref="Date"/> and <see cref="Place"/> only
/// corroborate: they can contradict the other statements, but never decide the year or the unit on their own.</summary>
public enum StatementKind
{
    /// <summary>The issuing body at the top of the letter or sheet: "UỶ BAN NHÂN DÂN / HUYỆN HOÀNG HÓA", "UBND HUYỆN HOẰNG HÓA".</summary>
    Letterhead,

    /// <summary>The subject (trích yếu): the heading under "BÁO CÁO", or a "V/v …" line.</summary>
    Subject,

    /// <summary>A sentence of the letter, outside any citation of another document: "UBND huyện Hoàng Hoá báo cáo …
    /// Chỉ số cải cách hành chính năm 2017".</summary>
    Letter,

    /// <summary>The total sentence: "Tổng số điểm tự đánh giá … năm 2017 của UBND huyện Hoàng Hoá là: 92".</summary>
    Total,

    /// <summary>The table's title: "BẢNG TỔNG HỢP … CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017".</summary>
    Title,

    /// <summary>The year of the date line ("…, ngày 20 tháng 11 năm 2017"): a report for year Y is signed in Y or in
    /// Y + 1, so it says the index year is that year or the one before.</summary>
    Date,

    /// <summary>The place name before the date (địa danh): "Hoàng Hoá, ngày …". A place that is not a unit's name
    /// (the seat's town) says nothing.</summary>
    Place,

    /// <summary>The file name (<c>hoang-hoa-2017.xlsx</c>), for an .xlsx/.docx that states neither itself.</summary>
    FileName,
}
