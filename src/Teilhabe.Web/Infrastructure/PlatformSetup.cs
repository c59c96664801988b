using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

internal static class PlatformSetup
{
    public const string ApiPolicy = "Api";
    public const string LoginRateLimit = "login";
    public const string SmartScheme = "TeilhabeSmart";

    public static WebApplicationBuilder AddTeilhabePlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var env = builder.Environment;
        var options = config.GetSection(TeilhabeOptions.Section).Get<TeilhabeOptions>() ?? new TeilhabeOptions();
        services.Configure<TeilhabeOptions>(config.GetSection(TeilhabeOptions.Section));

        // Every profile is checked here: a missing or out-of-range number stops the start with a message naming it.
        var profilesPath = string.IsNullOrWhiteSpace(options.Profiles.Path) ? null : Path.Combine(env.ContentRootPath, options.Profiles.Path);
        var profiles = new StateProfileCatalog(StateProfileFile.LoadAll(profilesPath), options.Profile);
        services.AddSingleton(profiles);
        services.AddScoped<IStateProfileResolver, StateProfileResolver>();

        // The profile of the caller's Integrationsamt; the default one for callers without (administrator, sign-in, jobs).
        services.AddScoped(sp => sp.GetRequiredService<IStateProfileResolver>().ForCurrentUser());
        services.AddSingleton(BuildClock(config, env));

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddTeilhabeDatabase(options, env.ContentRootPath);

        AddKeyRing(services, options.DataProtection, env);
        AddIdentity(services, profiles, env);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only sign-in attempts count; showing the login page does not.
            o.AddPolicy(LoginRateLimit, ctx => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimit.LoginPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // German titles for the generic answers (API.md: messages in German).
            ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
            {
                StatusCodes.Status400BadRequest when ctx.ProblemDetails.Title is null or "Bad Request" => "Die Anfrage ist fehlerhaft.",
                StatusCodes.Status401Unauthorized when ctx.ProblemDetails.Title is null or "Unauthorized" => "Bitte anmelden (Bearer-Token fehlt oder ist abgelaufen).",
                StatusCodes.Status403Forbidden when ctx.ProblemDetails.Title is null or "Forbidden" => ResultMessages.Forbidden,
                StatusCodes.Status404NotFound when ctx.ProblemDetails.Title is null or "Not Found" => "Nicht gefunden.",
                StatusCodes.Status405MethodNotAllowed when ctx.ProblemDetails.Title is null or "Method Not Allowed" => "Diese Methode ist hier nicht erlaubt.",
                StatusCodes.Status409Conflict when ctx.ProblemDetails.Title is null or "Conflict" => ResultMessages.Conflict,
                StatusCodes.Status429TooManyRequests => "Zu viele Anmeldeversuche. Bitte eine Minute warten.",
                _ => ctx.ProblemDetails.Title,
            };
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // API.md fields without a value are sent as null, never left out: clients can rely on every field being there.
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddTeilhabeOpenApi();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "teilhabe.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = IsLocal(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new RequireHandlerFilter());
            o.RootDirectory = "/Features";
            o.Conventions.AllowAnonymousToPage("/Accounts/Login");
            o.Conventions.AllowAnonymousToPage("/Accounts/LoginCode");
            o.Conventions.AllowAnonymousToPage("/Shared/Error");
            o.Conventions.AllowAnonymousToPage("/Home/Accessibility");
        }).AddMvcOptions(o => GermanModelBinding.Apply(o.ModelBindingMessageProvider));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("de-DE");
            o.SupportedCultures = [new CultureInfo("de-DE")];
            o.SupportedUICultures = [new CultureInfo("de-DE")];
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddScoped<AccountService>();
        services.AddScoped<Sessions>();
        services.AddScoped<SecondFactor>();
        return builder;
    }

    public static bool IsLocal(IHostEnvironment env) => env.IsDevelopment() || env.IsEnvironment("Testing");

    /// <summary>API.md: Clock:FixedDate pretends a date, in Development and Testing only.</summary>
    private static TimeProvider BuildClock(IConfiguration config, IHostEnvironment env)
    {
        var fixedDate = config[$"{TeilhabeOptions.Section}:Clock:FixedDate"] ?? config["Clock:FixedDate"];
        if (string.IsNullOrWhiteSpace(fixedDate))
        {
            return TimeProvider.System;
        }

        if (!IsLocal(env))
        {
            throw new InvalidOperationException(
                "Clock:FixedDate ist nur in den Umgebungen Development und Testing erlaubt (ASPNETCORE_ENVIRONMENT).");
        }

        if (!DateOnly.TryParseExact(fixedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidOperationException($"Clock:FixedDate '{fixedDate}' ist kein Datum im Format JJJJ-MM-TT.");
        }

        return new FixedDateTimeProvider(date, TimeProvider.System);
    }

    /// <summary>
    /// The Data Protection key ring lives in the database (one ring for every node). With a certificate configured, every
    /// key is encrypted with it before it is stored; without one (development, tests) the keys are stored in clear, and a
    /// production start says so in the log (README "Security").
    /// </summary>
    private static void AddKeyRing(IServiceCollection services, KeyProtectionOptions keys, IHostEnvironment env)
    {
        var ring = services.AddDataProtection().SetApplicationName("Teilhabe").PersistKeysToDbContext<TeilhabeDbContext>();
        if (string.IsNullOrWhiteSpace(keys.CertificatePath))
        {
            if (!IsLocal(env))
            {
                services.AddHostedService<UnencryptedKeyRingWarning>();
            }

            return;
        }

        var current = LoadCertificate(keys.CertificatePath, keys.CertificatePassword, env);
        var previous = keys.PreviousCertificatePaths.Select(p => LoadCertificate(p, keys.CertificatePassword, env));
        ring.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string path, string? password, IHostEnvironment env)
    {
        var full = Path.Combine(env.ContentRootPath, path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"Teilhabe:DataProtection: das Zertifikat „{full}“ fehlt (PKCS#12-Datei mit privatem Schlüssel).");
        }

        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(full, password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"Teilhabe:DataProtection: das Zertifikat „{full}“ enthält keinen privaten Schlüssel.");
    }

    private sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.LogWarning("Teilhabe:DataProtection:CertificatePath ist nicht gesetzt: die Schlüssel für Cookies und Tokens liegen unverschlüsselt in der Datenbank. Für den Betrieb ein Zertifikat angeben (README, Sicherheit).");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static void AddIdentity(IServiceCollection services, StateProfileCatalog profiles, IHostEnvironment env)
    {
        // Cookie and token live as long as the longest session of all profiles; SessionValidation ends a session
        // after the hours of the user's own profile (ACC-05).
        var sessionLifetime = TimeSpan.FromHours(profiles.All.Max(p => p.SessionHours));
        services.AddIdentityCore<AppUser>(o =>
            {
                // The password rules are the profile's (ACC-01…03) and live in ProfilePasswordValidator.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;

                // ACC-05: locked until InA-Koordination or an administrator unlocks. Identity only counts the failures;
                // AccountService locks after the number of the user's profile.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromDays(365 * 100);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TeilhabeDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<GermanIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<TeilhabeClaimsFactory>()
            .AddPasswordValidator<ProfilePasswordValidator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie oder Bearer", o =>
            {
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = sessionLifetime;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "teilhabe.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = IsLocal(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = sessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/konto/anmelden";
            o.LogoutPath = "/konto/abmelden";
            o.AccessDeniedPath = "/zugriff-verweigert";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        // Identity renews the cookie's principal every 30 minutes; the renewed cookie must keep naming its session row,
        // or every page session would end after half an hour of use.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            if (ctx.NewPrincipal?.Identity is ClaimsIdentity renewed && ctx.CurrentPrincipal is { } current)
            {
                renewed.AddClaims(Features.Accounts.Sessions.ClaimsOf(current));
            }

            return Task.CompletedTask;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static BearerTokenOptions BearerOptions(IServiceProvider sp)
        => sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
}
