using CchcAnalytics.Core;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>The province's communes of 2025 from the dataset's <c>postgresql/postgres_ImportData_vn_units.sql</c>
/// (table wards: code, name, name_en, full_name, full_name_en, code_name, province_code, administrative_unit_id;
/// unit 3 = phường, 4 = xã, 5 = đặc khu).</summary>
internal static class CommuneList
{
    public static IReadOnlyList<Commune> Read(string sql, string provinceCode)
    {
        var communes = new List<Commune>();
        foreach (var row in SqlRows.Tuples(sql))
        {
            if (row.Count != 8 || row[6] != provinceCode)
            {
                continue;
            }

            var kind = row[7] switch
            {
                "3" => "phuong",
                "4" => "xa",
                _ => throw new InvalidDataException($"Unit {row[0]} {row[3]} has administrative unit {row[7]}, neither phường nor xã."),
            };
            var datasetName = VietnameseText.Nfc(row[1]);
            var expectedFull = (kind == "phuong" ? "Phường " : "Xã ") + datasetName;
            if (VietnameseText.Nfc(row[3]) != expectedFull)
            {
                throw new InvalidDataException($"Unit {row[0]}: full name '{row[3]}' is not '{expectedFull}'.");
            }

            communes.Add(new Commune(row[0], TonePlacement.ToProjectStyle(datasetName), datasetName, kind));
        }

        return communes.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }
}
