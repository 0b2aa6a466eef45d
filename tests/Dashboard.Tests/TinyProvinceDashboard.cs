namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A dashboard over a second, tiny province built from data alone (issue 13 §1): Bắc Kạn, two district-level
/// units, one year, its own levels, framework and names — nothing of Thanh Hóa, nothing in the code about either
/// province. Its data folder is written into the app's temporary folder; the numbers are labelled synthetic.</summary>
public sealed class TinyProvinceDashboardApp : DashboardApp
{
    private string? dataFolder;

    protected override bool SeedAccounts => false;

    /// <summary>No setting: the level marked default in its own levels.csv.</summary>
    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public override string DataFolder => dataFolder ??= Write();

    private string Write()
    {
        var root = Path.Combine(Folder.Path, "bac-kan-data");
        Directory.CreateDirectory(Path.Combine(root, "frameworks"));
        Directory.CreateDirectory(Path.Combine(root, "sample"));
        File.WriteAllText(Path.Combine(root, "provinces.csv"), "province,name\nbac-kan,Bắc Kạn\n");
        File.WriteAllText(Path.Combine(root, "levels.csv"), "level,code,name,units_name,label,default\ndistrict,huyen,cấp huyện,\"các huyện, thành phố\",Cấp huyện,true\n");
        File.WriteAllText(Path.Combine(root, "units.csv"),
            "unit_id,name,kind,province,valid_from,valid_to,first_year,last_year,aliases,official_code\n"
            + "ba-be,Ba Bể,huyen,bac-kan,,,,,,\n"
            + "pac-nam,Pác Nặm,huyen,bac-kan,,,,,,\n");
        File.WriteAllText(Path.Combine(root, "lineage.csv"), "event_id,effective_year,date,event,province,level,from_unit,to_unit,from_kind,to_kind,legal_basis,source,note\n");
        File.WriteAllText(Path.Combine(root, "frameworks", "frameworks.csv"),
            "framework_id,province,level,year_from,year_to,decision,status,source,file\n"
            + "bac-kan-district-2023,bac-kan,district,2023,2023,,illustrative,Khung minh họa cho kiểm thử: hai lĩnh vực.,bac-kan-district-2023.csv\n");
        File.WriteAllText(Path.Combine(root, "frameworks", "bac-kan-district-2023.csv"),
            "code,level,name,max_points\n"
            + "1,area,CÔNG TÁC CHỈ ĐẠO,40\n1.1,criterion,Kế hoạch cải cách hành chính,20\n1.2,criterion,Báo cáo cải cách hành chính,20\n"
            + "2,area,CẢI CÁCH THỦ TỤC HÀNH CHÍNH,60\n2.1,criterion,Công khai thủ tục hành chính,30\n2.2,criterion,Dịch vụ công trực tuyến,30\n");
        File.WriteAllText(Path.Combine(root, "frameworks", "concepts.csv"),
            "concept_id,level,name\ndirection,area,Công tác chỉ đạo\nreform-plan,criterion,Kế hoạch\nreporting,criterion,Báo cáo\n"
            + "procedures,area,Thủ tục hành chính\ndisclosure,criterion,Công khai\nonline,criterion,Dịch vụ công trực tuyến\n");
        File.WriteAllText(Path.Combine(root, "frameworks", "crosswalk.csv"),
            "framework_id,code,concept_id,mapping,from_codes,note\n"
            + "bac-kan-district-2023,1,direction,same,,\nbac-kan-district-2023,1.1,reform-plan,same,,\nbac-kan-district-2023,1.2,reporting,same,,\n"
            + "bac-kan-district-2023,2,procedures,same,,\nbac-kan-district-2023,2.1,disclosure,same,,\nbac-kan-district-2023,2.2,online,same,,\n");
        File.WriteAllText(Path.Combine(root, "frameworks", "components.csv"),
            "framework_id,component,name,max_points,in_index,note\nbac-kan-district-2023,criteria,Điểm theo bộ tiêu chí,100,add,\n");
        var rows = new[]
        {
            ("ba-be", "Ba Bể", new[] { 36m, 18m, 18m, 50m, 26m, 24m }),
            ("pac-nam", "Pác Nặm", new[] { 30m, 15m, 15m, 42m, 22m, 20m }),
        };
        var codes = new[] { ("1", "area", "CÔNG TÁC CHỈ ĐẠO", 40), ("1.1", "criterion", "Kế hoạch cải cách hành chính", 20), ("1.2", "criterion", "Báo cáo cải cách hành chính", 20),
            ("2", "area", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 60), ("2.1", "criterion", "Công khai thủ tục hành chính", 30), ("2.2", "criterion", "Dịch vụ công trực tuyến", 30) };
        var csv = new System.Text.StringBuilder("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence,synthetic\n");
        foreach (var (id, name, points) in rows)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"{id},{name},2023,self,{codes[i].Item1},{codes[i].Item2},{codes[i].Item3},{codes[i].Item4},{points[i]},,true\n");
            }
        }

        File.WriteAllText(Path.Combine(root, "sample", "bac-kan-2023-sample.csv"), csv.ToString());
        return root;
    }
}

/// <summary>The xUnit collection of the tests against <see cref="TinyProvinceDashboardApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TinyProvinceDashboard : ICollectionFixture<TinyProvinceDashboardApp>
{
    public const string Name = "Dashboard process over a second, tiny province";
}
