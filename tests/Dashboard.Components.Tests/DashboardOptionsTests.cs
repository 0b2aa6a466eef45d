using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The <c>Cchc</c> settings are bound and validated when the host starts (the dashboard's own wiring,
/// <see cref="DashboardOptionsSetup.AddDashboardOptions"/>): a bad setting stops the start naming the setting.</summary>
public sealed class DashboardOptionsTests
{
    [Fact]
    public async Task StartAsync_BadSettings_FailsNamingEverySetting()
    {
        using var folder = TestFiles.NewTempFolder();
        using var host = Host(new Dictionary<string, string?>
        {
            ["Cchc:DataFolder"] = folder.Path,
            ["Cchc:Database"] = folder.Path,
            ["Cchc:KnownProxies:0"] = "proxy.local",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Failures.Count().ShouldBe(3);
        error.Message.ShouldContain($"Cchc:DataFolder: '{folder.Path}' không phải là thư mục dữ liệu");
        error.Message.ShouldContain($"Cchc:Database: '{folder.Path}' là một thư mục");
        error.Message.ShouldContain("Cchc:KnownProxies: 'proxy.local' không phải là địa chỉ IP");
    }

    [Fact]
    public async Task StartAsync_OpenReadingNotABoolean_Fails()
    {
        using var host = Host(new Dictionary<string, string?> { ["Cchc:OpenReading"] = "có" });

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync());

        error.Message.ShouldContain("OpenReading");
    }

    [Fact]
    public async Task StartAsync_RepositoryDataFolder_StartsWithBoundOptions()
    {
        var data = Path.Combine(TestFiles.RepositoryRoot, "data");
        using var folder = TestFiles.NewTempFolder();
        using var host = Host(new Dictionary<string, string?>
        {
            ["Cchc:DataFolder"] = data,
            ["Cchc:Database"] = folder.File("cchc.duckdb"),
            ["Cchc:OpenReading"] = "false",
            ["Cchc:KnownProxies:0"] = "10.0.0.5",
        });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<DashboardOptions>();
        options.OpenReading.ShouldBeFalse();
        options.KnownProxies.ShouldBe(["10.0.0.5"]);
        host.Services.GetRequiredService<DataLocation>().ShouldBe(new DataLocation(data, folder.File("cchc.duckdb")));
        await host.StopAsync();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDashboardOptions(builder.Configuration, TestFiles.RepositoryRoot);
        return builder.Build();
    }
}
