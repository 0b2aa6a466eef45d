using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>A term of the glossary (<c>/thuat-ngu</c>), in plain Vietnamese for a reader who is not a statistician.</summary>
/// <param name="Id">The anchor on the glossary page (<c>/thuat-ngu#dong-hang</c>): ASCII, stable, linked from the pages.</param>
/// <param name="Term">The term as the pages write it ("Đồng hạng").</param>
/// <param name="Summary">One sentence: the hover text of every link to the term.</param>
/// <param name="Text">A few sentences more, with an example from the data where one helps.</param>
public sealed record GlossaryEntry(string Id, string Term, string Summary, string Text);

/// <summary>The glossary: the words of the index, the ranking and the data status that the pages use, each with an
/// anchor that <c>&lt;Term Id="…"&gt;</c> links to where the word appears.</summary>
public static class Glossary
{
    /// <summary>The page's address.</summary>
    public const string Path = "/thuat-ngu";

    /// <summary>Every entry, in Vietnamese alphabetical order of the term; thresholds from <paramref name="options"/>.</summary>
    public static IReadOnlyList<GlossaryEntry> Entries(AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var weak = VietnameseText.Number(options.WeakBelowPercent);
        var bands = string.Join("; ", options.Bands.Select(b => b.Label));
        GlossaryEntry[] entries =
        [
            new("chi-so-cchc", "Chỉ số CCHC",
                "Tổng điểm đạt chia cho tổng điểm tối đa, nhân 100: công tác cải cách hành chính của đơn vị đạt bao nhiêu phần trăm yêu cầu.",
                "Mỗi năm, mỗi đơn vị được chấm điểm theo bộ tiêu chí của tỉnh. Chỉ số CCHC = tổng điểm đạt / tổng điểm tối đa áp dụng × 100. Tổng điểm tối đa thường là 100 nhưng không phải lúc nào cũng vậy, nên các trang so sánh đơn vị và các năm bằng chỉ số (%), không bằng điểm. Ví dụ: huyện Hoằng Hóa tự chấm năm 2017 được 92/100 điểm, chỉ số 92."),
            new("diem-chuan", "Điểm chuẩn",
                "Số điểm tối đa của một lĩnh vực, tiêu chí hoặc tiêu chí thành phần theo bộ tiêu chí.",
                "Bộ tiêu chí ghi điểm chuẩn cho từng dòng; ví dụ năm 2017 lĩnh vực 7 (Hiện đại hóa hành chính) có điểm chuẩn 13. “% điểm chuẩn” = điểm đạt / điểm chuẩn × 100, để so sánh các dòng có điểm tối đa khác nhau: Hoằng Hóa đạt 6,5/13 điểm ở lĩnh vực 7 năm 2017, tức 50% điểm chuẩn."),
            new("diem-tu-cham", "Điểm tự chấm",
                "Điểm đơn vị tự đánh giá cho mình trong báo cáo gửi tỉnh, trước khi được thẩm định.",
                "Khi một đơn vị – năm chưa có điểm thẩm định, các trang dùng điểm tự chấm và ghi rõ “tự chấm” hoặc “chưa thẩm định”. Điểm tự chấm thường cao hơn điểm thẩm định, nên thứ hạng và mức thay đổi không được so sánh giữa một năm tự chấm và một năm thẩm định (ghi “khác giai đoạn”)."),
            new("diem-tham-dinh", "Điểm thẩm định",
                "Điểm do tỉnh (Sở Nội vụ) chấm lại sau khi xem báo cáo và tài liệu kiểm chứng của đơn vị; khi có, đây là điểm được dùng.",
                "Với mỗi đơn vị – năm, các trang dùng điểm thẩm định nếu có, nếu không thì dùng điểm tự chấm, và luôn ghi rõ đã dùng loại nào. Điểm thẩm định do tài khoản Sở Nội vụ nhập trên trang của đơn vị."),
            new("bi-cat-khi-tham-dinh", "Bị cắt khi thẩm định",
                "Phần điểm đơn vị tự chấm nhưng không được công nhận khi thẩm định: điểm tự chấm trừ điểm thẩm định của từng tiêu chí.",
                "Trang đơn vị và biểu đồ “tự chấm và thẩm định” cho biết tiêu chí nào bị cắt, bị cắt bao nhiêu điểm và tỷ lệ tiêu chí bị cắt. Xem tài liệu kiểm chứng của tiêu chí để biết đơn vị đã nêu căn cứ gì."),
            new("dong-hang", "Đồng hạng",
                "Các đơn vị có cùng chỉ số thì cùng một hạng, và hạng kế tiếp bị bỏ qua (ví dụ 1, 2, 2, 4).",
                "Năm 2017 (dữ liệu mẫu), huyện Nông Cống và thành phố Sầm Sơn cùng đạt chỉ số 91,50 nên đồng hạng 3; đơn vị tiếp theo xếp thứ 5. Bảng ghi “3 (đồng hạng)”, biểu đồ ghi “3=”."),
            new("phan-tu", "Phần tư (tứ phân vị)",
                "Chia các đơn vị thành bốn phần bằng nhau theo thứ tự: phần tư thứ nhất là một phần tư đứng đầu, phần tư thứ tư là một phần tư đứng cuối.",
                "Phần tư của một đơn vị được tính từ hạng của nó trong năm. Trên biểu đồ phân bố theo lĩnh vực, tứ phân vị thứ nhất và thứ ba là hai mốc mà một phần tư số đơn vị thấp hơn mốc dưới và một phần tư cao hơn mốc trên; cái hộp chứa một nửa số đơn vị ở giữa."),
            new("trung-vi", "Trung vị",
                "Giá trị ở giữa khi xếp các đơn vị từ thấp đến cao: một nửa số đơn vị cao hơn, một nửa thấp hơn.",
                "Khi số đơn vị là số chẵn, trung vị là trung bình của hai giá trị ở giữa. Khác với trung bình, trung vị không bị một vài đơn vị rất thấp hoặc rất cao kéo lệch, nên dùng để so một đơn vị với “mức thường gặp” của tỉnh."),
            new("nhom-tuong-dong", "Nhóm tương đồng",
                "Các đơn vị có cơ cấu điểm theo lĩnh vực giống nhau, do máy tính gom nhóm; so với nhóm tương đồng là so với những đơn vị giống mình.",
                $"Mỗi năm, các đơn vị được chia thành {options.PeerGroups} nhóm theo % điểm chuẩn của từng lĩnh vực (phương pháp k-means); Nhóm 1 có chỉ số bình quân cao nhất. Cách tính chi tiết ở trang Phương pháp, mục 9."),
            new("nhom-diem", "Nhóm điểm",
                $"Nhóm theo chỉ số của năm ({bands}).",
                "Thanh Hóa không công bố ngưỡng xếp loại (Tốt, Khá …), nên các ngưỡng này là cài đặt của phần mềm, đổi được, không phải xếp loại chính thức."),
            new("khung-minh-hoa", "Khung minh họa",
                "Bộ tiêu chí do CCHC Analytics dựng lại để minh họa, vì chưa có quyết định bộ tiêu chí chính thức của những năm đó; không phải khung chính thức.",
                "Từ năm 2020, chúng tôi không có quyết định về bộ tiêu chí cấp huyện của Thanh Hóa, nên dùng khung minh họa (tên lĩnh vực theo bộ tiêu chí quốc gia). Số liệu chấm theo khung minh họa chỉ để minh họa cách dùng phần mềm; trang và biểu đồ gắn nhãn “khung minh họa”."),
            new("du-lieu-mau", "Dữ liệu mẫu",
                "Số liệu do phần mềm sinh ra để mọi trang có cái để xem; không phải kết quả thật của đơn vị nào.",
                "Dữ liệu mẫu phủ mọi đơn vị và mọi năm 2017–2024, được chỉnh cho khớp các kết quả đã công bố (ví dụ Quyết định 600/QĐ-UBND về kết quả năm 2023), và luôn có nhãn vàng “dữ liệu mẫu”. Khi có báo cáo thật của một đơn vị – năm, số liệu thật thay cho dữ liệu mẫu. Hiện chỉ có một báo cáo thật: huyện Hoằng Hóa năm 2017."),
            new("linh-vuc", "Lĩnh vực",
                "Phần lớn nhất của bộ tiêu chí, gồm nhiều tiêu chí (ví dụ lĩnh vực 7, Hiện đại hóa hành chính); bộ tiêu chí cấp huyện có 8 lĩnh vực.",
                "Điểm của lĩnh vực là tổng điểm các tiêu chí trong đó. Tên và điểm chuẩn của lĩnh vực có thể đổi khi bộ tiêu chí đổi; bảng đối chiếu cho biết lĩnh vực nào vẫn so sánh được qua các năm."),
            new("tieu-chi", "Tiêu chí",
                "Một nội dung được chấm điểm trong một lĩnh vực (ví dụ 7.1, Ứng dụng công nghệ thông tin của cấp huyện).",
                "Mã tiêu chí gồm mã lĩnh vực và số thứ tự (7.1 là tiêu chí thứ nhất của lĩnh vực 7). Điểm của tiêu chí là tổng điểm các tiêu chí thành phần của nó, nếu có."),
            new("tieu-chi-thanh-phan", "Tiêu chí thành phần",
                "Nội dung nhỏ nhất được chấm điểm, nằm trong một tiêu chí (ví dụ 7.1.4, Mức độ cung cấp dịch vụ công trực tuyến mức độ 3).",
                "Điểm được cho ở tiêu chí thành phần (hoặc ở tiêu chí không có tiêu chí thành phần), rồi cộng dần lên tiêu chí, lĩnh vực và tổng điểm."),
            new("diem-yeu-keo-dai", "Điểm yếu kéo dài",
                $"Tiêu chí mà đơn vị đạt dưới {weak}% điểm chuẩn trong ít nhất {options.WeakYears} của {options.WindowYears} năm gần nhất, kể cả năm đang xem.",
                $"Chỉ tính những năm so sánh được qua bảng đối chiếu (tiêu chí không bị định nghĩa lại). Ngưỡng {weak}% và số năm là cài đặt mặc định của phần mềm. Trang Tổng quan đếm số đơn vị có cùng một điểm yếu kéo dài: đó là việc cả tỉnh cần làm."),
            new("tai-lieu-kiem-chung", "Tài liệu kiểm chứng",
                "Văn bản, số liệu đơn vị nêu làm căn cứ cho điểm của từng tiêu chí (quyết định, kế hoạch, báo cáo …).",
                "Trên trang đơn vị, bấm “xem” cạnh một tiêu chí để đọc tài liệu kiểm chứng đơn vị đã nêu khi tự chấm, hoặc ghi chú khi thẩm định."),
            new("khac-giai-doan", "Khác giai đoạn",
                "Hai năm liền nhau, một năm dùng điểm tự chấm và năm kia dùng điểm thẩm định: không tính thay đổi điểm, chỉ số và thứ hạng giữa hai năm đó.",
                "Thẩm định thường cắt bớt điểm, nên hiệu số giữa một năm tự chấm và một năm thẩm định sẽ lẫn sự thay đổi thật của đơn vị với phần bị cắt (Hoằng Hóa: tự chấm 92 năm 2017, thẩm định 91 năm 2018 theo dữ liệu mẫu). Biểu đồ không nối hai điểm đó."),
            new("bang-doi-chieu", "Bảng đối chiếu tiêu chí",
                "Bảng cho biết tiêu chí của bộ tiêu chí năm này ứng với tiêu chí nào của năm trước, để so sánh qua các năm khi bộ tiêu chí thay đổi.",
                "Tiêu chí giữ nguyên, đổi tên hoặc đánh số lại thì vẫn so sánh được (theo % điểm chuẩn); tiêu chí mới, gộp, tách hoặc bị bỏ thì không nối với các năm trước. Ví dụ dịch vụ công trực tuyến là 7.1.4 năm 2017 và 7.2.1 từ năm 2020."),
        ];
        return entries.OrderBy(e => e.Term, StringComparer.Create(VietnameseText.Culture, ignoreCase: true)).ToList();
    }

    /// <summary>The entry with anchor <paramref name="id"/>; null when there is none.</summary>
    public static GlossaryEntry? Find(string id, AnalyticsOptions options) => Entries(options).FirstOrDefault(e => e.Id == id);
}
