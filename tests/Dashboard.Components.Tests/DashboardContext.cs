using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using AngleSharp.Dom;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Core;
using CchcAnalytics.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>A bUnit context with the dashboard's real services over the shared database, in the dashboard's culture
/// (vi-VN).</summary>
public abstract class DashboardContext : BunitContext
{
    protected DashboardContext(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        // The dashboard sets vi-VN as every thread's culture (Program.cs); render the same way.
        CultureInfo.CurrentCulture = VietnameseText.Culture;
        CultureInfo.CurrentUICulture = VietnameseText.Culture;
        Services.AddSingleton(data.Location);
        Services.AddSingleton(data.Provider);
        Services.AddSingleton(data.Maps);
        Services.AddSingleton(new UploadService(data.Provider));
    }

    protected DashboardData Data { get; }

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>Sets the address the page reads its query from, e.g. <c>/?nam=2023</c>.</summary>
    protected void GoTo(string relativeUrl) => Navigation.NavigateTo(relativeUrl);

    /// <summary>The chart a <c>ChartFigure</c>'s picture asks for, built by the same factory the export endpoint uses:
    /// a figure whose query the endpoint would refuse throws here.</summary>
    protected ChartSpec ChartOf(IElement figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var src = figure.QuerySelector("img")!.GetAttribute("src")!;
        var kind = ChartKindText.Parse(Path.GetFileNameWithoutExtension(src[..src.IndexOf('?', StringComparison.Ordinal)]));
        var query = Html.QueryOf(src);
        string? One(string name) => query.Where(q => q.Name == name).Select(q => q.Value).SingleOrDefault();
        var units = query.Where(q => q.Name == "dv").Select(q => q.Value).ToList();
        var data = Data.Provider.Data;
        var level = One("cap") is { } cap ? DataScope.FindLevel(data, DataScope.Province(data).Id, cap)?.Id ?? cap : "";
        var request = new ChartRequest(kind, Query.Year(One("nam")), units.Count > 0 ? units : null, One("ma")) { Level = level, Area = One("linh-vuc") };
        return ChartFactory.Build(data, request, Data.Provider.Options, Data.Maps);
    }
}
