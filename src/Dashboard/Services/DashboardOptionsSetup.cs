using Microsoft.Extensions.Options;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Binds <see cref="DashboardOptions"/> from the <c>Cchc</c> section and validates it when the host starts, so a
/// bad setting stops the dashboard with every problem named instead of surfacing on some later request.</summary>
public static class DashboardOptionsSetup
{
    public const string Section = "Cchc";

    public static IServiceCollection AddDashboardOptions(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DashboardOptions>>().Value);
        services.AddSingleton(provider => DataLocation.Resolve(provider.GetRequiredService<DashboardOptions>(), contentRoot));
        return services;
    }
}
