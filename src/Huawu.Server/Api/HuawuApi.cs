using Huawu.ContactCenter.Campaigns;
using Huawu.Data;
using Huawu.Robot.Runtime;
using Huawu.Server.Accounts;
using Huawu.Server.Api.AuditLog;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Calls;
using Huawu.Server.Api.Campaigns;
using Huawu.Server.Api.Compliance;
using Huawu.Server.Api.Contacts;
using Huawu.Server.Api.Errors;
using Huawu.Server.Api.Health;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Recordings;
using Huawu.Server.Api.Retention;
using Huawu.Server.Api.Sessions;
using Huawu.Server.Api.Settings;
using Huawu.Server.Api.Teams;
using Huawu.Server.Api.Tokens;
using Huawu.Server.Api.Users;
using Huawu.Server.Configuration;
using Huawu.Server.Realtime;
using Huawu.Server.Security;
using Huawu.Telephony.Cti;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Huawu.Server.Api;

/// <summary>
/// The HTTP side of a node in two calls: <see cref="AddHuawuApi"/> registers it (over an open <see cref="DataStore"/>,
/// which the container then owns) and <see cref="MapHuawuApi"/> puts the middleware and every endpoint in place.
/// </summary>
internal static class HuawuApi
{
    public static IServiceCollection AddHuawuApi(this IServiceCollection services, ServerConfiguration configuration, DataStore store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration);
        services.AddSingleton(_ => store); // created by a factory, so the container disposes it at shutdown
        services.AddSingleton(configuration.Accounts);
        services.TryAddSingleton<IPasswordVerifier, IdentityPasswordVerifier>();
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<CredentialValidator>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<SecondFactorService>();
        services.AddSingleton<ScopeResolver>();
        services.AddSingleton<RequestAudit>();
        services.AddSingleton<CallAccess>();
        services.AddSingleton(services => new CampaignService(store, [.. configuration.Trunks.Select(t => t.Name)], services.GetRequiredService<TimeProvider>(),
            services.GetService<IHandOffQueues>()));
        services.AddHostedService<SessionSweeper>();
        services.AddHostedService<RetentionSchedule>();
        services.AddSingleton<IReadinessCheck, DatabaseReadiness>();
        services.AddSingleton<IReadinessCheck, ListenerReadiness>();
        AddRealtime(services);
        AddSecurity(services);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.AddDefaultCode);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddOpenApi("v1", OpenApiDocument.Configure);
        return services;
    }

    public static WebApplication MapHuawuApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(NoStore);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseAuthentication();
        app.UseMiddleware<CsrfProtection>();
        app.UseAuthorization();

        HealthEndpoints.Map(app);
        app.MapOpenApi(OpenApiDocument.Path).Public("the API description");
        var api = app.MapGroup("/api/v1");
        SessionEndpoints.Map(api);
        TokenEndpoints.Map(api);
        UserEndpoints.Map(api);
        TeamEndpoints.Map(api);
        ContactEndpoints.Map(api);
        DoNotCallEndpoints.Map(api);
        ConsentEndpoints.Map(api);
        CampaignEndpoints.Map(api);
        ComplianceRulesEndpoints.Map(api);
        CallEndpoints.Map(api);
        RecordingEndpoints.Map(api);
        AuditEndpoints.Map(api);
        RetentionEndpoints.Map(api);
        SettingEndpoints.Map(api);
        EventStreamEndpoint.Map(api);
        return app;
    }

    private static void AddRealtime(IServiceCollection services)
    {
        services.AddSingleton<RealtimeHub>(_ => new RealtimeHub());
        services.AddSingleton<CallAudiences>();
        services.AddSingleton<IHandOffNotifier, HandOffEventPublisher>();
        // The node host registers the telephony engine's hub when it runs one; otherwise the stream carries no CTI events yet.
        services.TryAddSingleton<CtiEventHub>(_ => new CtiEventHub());
        services.AddHostedService<CtiEventFeed>();
    }

    private static void AddSecurity(IServiceCollection services)
    {
        // The core only: AddAuthentication would also bring ASP.NET Data Protection, which nothing here uses (sessions
        // and tokens are opaque secrets checked against the store) and which would write an unencrypted key ring to disk.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options =>
        {
            options.AddScheme<HuawuAuthenticationHandler>(HuawuAuthenticationHandler.SchemeName, displayName: null);
            options.DefaultScheme = HuawuAuthenticationHandler.SchemeName;
        });
        services.AddAuthorization(options =>
        {
            foreach (var permission in Permissions.All)
            {
                options.AddPolicy(Permissions.PolicyName(permission), policy =>
                    policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
            // Every endpoint is denied unless it names a permission or is declared public.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new DenyUnlessDeclared()).Build();
        });
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, DenialAuditingResultHandler>();
    }

    // API answers carry personal data: no cache may keep them, and no browser may guess their type (RFC 9111 §5.2.2.5).
    private static Task NoStore(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return next(context);
    }
}
