using Microsoft.AspNetCore.Authorization;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Decides <see cref="ReadRequirement"/> from the validated options.</summary>
public sealed class ReadRequirementHandler(DashboardOptions options) : AuthorizationHandler<ReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.OpenReading || context.User.IsSignedIn())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
