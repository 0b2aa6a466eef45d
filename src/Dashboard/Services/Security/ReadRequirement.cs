using Microsoft.AspNetCore.Authorization;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>The <see cref="CchcClaims.ReadPolicy"/>: anyone when <see cref="DashboardOptions.OpenReading"/>, else a
/// signed-in account (any role).</summary>
public sealed class ReadRequirement : IAuthorizationRequirement;
