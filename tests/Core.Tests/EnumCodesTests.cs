using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

/// <summary>The one code ↔ member table behind every <c>ToCode</c>/<c>TryParse</c> pair: the stored codes are unchanged,
/// every member round-trips, and an enum member without a code fails at first use instead of writing a guess.</summary>
public sealed class EnumCodesTests
{
    private enum Uncoded
    {
        [Code("a")]
        A,

        B,
    }

    [Fact]
    public void Code_StoredForms_AreTheDatabaseAndFileCodes()
    {
        Stage.Self.ToCode().ShouldBe("self");
        Stage.Appraised.ToVietnamese().ShouldBe("thẩm định");
        CriterionLevel.SubCriterion.ToCode().ShouldBe("sub_criterion");
        FrameworkStatus.Illustrative.ToVietnamese().ShouldBe("khung minh họa");
        UnitKind.ThiXa.ToCode().ShouldBe("thi-xa");
        UnitKind.Phuong.ToLevel().ShouldBe("commune");
        LineageEventKind.Merged.ToVietnamese().ShouldBe("nhập vào đơn vị khác");
        MappingKind.Dropped.ToCode().ShouldBe("dropped");
        EnumCodes.Codes<CriterionLevel>().ShouldBe(["area", "criterion", "sub_criterion"]);
    }

    [Fact]
    public void TryParse_EveryMemberOfEveryCoreEnum_RoundTrips()
    {
        RoundTrips<Stage>();
        RoundTrips<FrameworkStatus>();
        RoundTrips<CriterionLevel>();
        RoundTrips<UnitKind>();
        RoundTrips<LineageEventKind>();
        RoundTrips<MappingKind>();
    }

    [Fact]
    public void TryParse_CaseAndSpaces_AreIgnored()
    {
        StageText.TryParse("  Appraised ", out var stage).ShouldBeTrue();
        stage.ShouldBe(Stage.Appraised);
        UnitKindText.TryParse("Thị xã", out var kind).ShouldBeTrue();
        kind.ShouldBe(UnitKind.ThiXa);
    }

    [Fact]
    public void TryParse_UnknownOrNumericText_IsFalse()
    {
        StageText.TryParse("appraisal", out _).ShouldBeFalse();
        StageText.TryParse(null, out _).ShouldBeFalse();
        // Enum.TryParse would accept "1"; a stored code never is a number.
        MappingKindText.TryParse("1", out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => CriterionLevelText.Parse("leaf")).Message.ShouldBe("Unknown criterion level 'leaf'.");
    }

    [Fact]
    public void Code_MemberWithoutCodeAttribute_Throws()
    {
        var error = Should.Throw<TypeInitializationException>(() => EnumCodes.Code(Uncoded.A));

        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("Uncoded.B has no [Code] attribute.");
    }

    [Fact]
    public void Code_UndefinedValue_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((Stage)7).ToCode());
    }

    private static void RoundTrips<T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            EnumCodes.TryParse<T>(EnumCodes.Code(value).ToUpperInvariant(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        EnumCodes.Codes<T>().Distinct().Count().ShouldBe(Enum.GetValues<T>().Length);
    }
}
