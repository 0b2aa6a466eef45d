using System.Globalization;
using CchcAnalytics.Dashboard.Components;
using CchcAnalytics.Dashboard.Services;
using Microsoft.AspNetCore.Localization;

// Vietnamese everywhere: numbers as "92,5", dates as dd/MM/yyyy.
var vietnamese = CchcAnalytics.Core.VietnameseText.Culture;
CultureInfo.DefaultThreadCurrentCulture = vietnamese;
CultureInfo.DefaultThreadCurrentUICulture = vietnamese;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection("Cchc").Get<DashboardOptions>() ?? new DashboardOptions();
builder.Services.AddSingleton(DataLocation.Resolve(options, builder.Environment.ContentRootPath));
builder.Services.AddSingleton<IndexDataProvider>();
builder.Services.AddSingleton<UploadService>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// Build the embedded database from the data folder before the first request (first start takes ~15 s).
app.Services.GetRequiredService<IndexDataProvider>().EnsureBuilt();

// Users never see a stack trace or SQL, not even in Development (the README's main command runs Development so
// that static files are served without publishing); details go to the log.
app.UseExceptionHandler("/loi", createScopeForErrors: true);

app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
});
app.UseStatusCodePagesWithReExecute("/khong-tim-thay", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapExports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The dashboard's entry point (public for WebApplicationFactory-style tests).</summary>
public partial class Program;
