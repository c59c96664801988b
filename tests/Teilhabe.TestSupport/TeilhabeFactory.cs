using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;

namespace Teilhabe.TestSupport;

/// <summary>
/// The app under test on its own fresh database (<see cref="TestDatabase"/>), in environment "Testing",
/// with a movable clock and intent methods that set up organisations, IFDs and users through the
/// real administration API (API.md "Bootstrap and administration").
/// </summary>
public sealed class TeilhabeFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";

    /// <summary>Teilhabe:Bootstrap:AdminPassword; the bootstrap administrator must change it at first login (ACC-05).</summary>
    public const string BootstrapAdminPassword = "Start#Admin26";

    /// <summary>The administrator's own password after the first login.</summary>
    public const string AdminPassword = "Admin#Test2026";

    private readonly TeilhabeFactoryOptions _options;
    private readonly TestDatabase _database = TestDatabase.FromEnvironment();
    private readonly string _storagePath = Path.Combine(Path.GetTempPath(), $"teilhabe-test-docs-{Guid.NewGuid():N}");
    private readonly SemaphoreSlim _adminGate = new(1, 1);
    private bool _databaseCreated;
    private bool _adminPasswordChanged;
    private string? _adminToken;
    private DateTimeOffset _adminTokenExpiresAt;
    private int _sequence;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _secondFactorKeys = new(StringComparer.OrdinalIgnoreCase);

    public TeilhabeFactory()
        : this(new TeilhabeFactoryOptions())
    {
    }

    private TeilhabeFactory(TeilhabeFactoryOptions options)
    {
        _options = options;
        Clock = new FakeTimeProvider(options.RealServer ? DateTimeOffset.UtcNow : DuringOfficeHours(DateTimeOffset.UtcNow));
        if (options.RealServer)
        {
            UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>
    /// The real now when it lies between 11:00 and 20:00 in Berlin, otherwise 14 hours after the start of the next such
    /// Berlin day (14:00; 13:00 or 15:00 on a day the clocks change — inside the window either way): a test that
    /// documents "today, 10:00" or "today + 1 hour" then means the same whether it runs at noon or at night, and the
    /// clock never runs behind the real one (cookies and tokens stay valid for the test's HTTP client).
    /// </summary>
    public static DateTimeOffset DuringOfficeHours(DateTimeOffset utcNow)
    {
        var berlin = BerlinTime.ToBerlin(utcNow);
        if (berlin.Hour is >= 11 and < 20)
        {
            return utcNow;
        }

        var day = DateOnly.FromDateTime(berlin.Hour < 11 ? berlin.Date : berlin.Date.AddDays(1));
        return BerlinTime.StartOfDayUtc(day).AddHours(14);
    }

    /// <summary>A factory with other than the default options (one public constructor is all xUnit fixtures allow).</summary>
    public static TeilhabeFactory With(TeilhabeFactoryOptions options) => new(options);

    /// <summary>
    /// The app's clock when <see cref="TeilhabeFactoryOptions.FakeClock"/> is on; moves only when told. It starts at the
    /// real now for a real server (a browser keeps real time) and otherwise during office hours (see <see cref="DuringOfficeHours"/>).
    /// </summary>
    public FakeTimeProvider Clock { get; }

    public TestDatabase Database => _database;

    /// <summary>The repository's example profiles (XX, "Beispielprofil (kein Landesrecht)"), known to every test app besides TH.</summary>
    public static string ExampleProfilesPath => Path.Combine(AppContext.BaseDirectory, "profiles");

    /// <summary>The example profile's code.</summary>
    public const string ExampleProfile = "XX";

    /// <summary>Counts the SQL commands of the requests a test measures (issue 11, no N+1).</summary>
    public SqlCommandCounter Sql { get; } = new();

    /// <summary>The address of the real server (only with <see cref="TeilhabeFactoryOptions.RealServer"/>), e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault()
                ?? throw new InvalidOperationException("The server listens nowhere: create the factory with RealServer = true.");
            return new Uri(address);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!_databaseCreated)
        {
            _database.Create();
            _databaseCreated = true;
        }

        builder.UseEnvironment(_options.Environment);

        // Host settings reach Program before it reads its options (unlike ConfigureAppConfiguration).
        builder.UseSetting("Teilhabe:Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Teilhabe:Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Teilhabe:Bootstrap:AdminPassword", BootstrapAdminPassword);
        builder.UseSetting("Teilhabe:RateLimit:LoginPermitsPerMinute", _options.LoginPermitsPerMinute.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Teilhabe:Storage:Path", _storagePath);
        builder.UseSetting("Teilhabe:Profiles:Path", ExampleProfilesPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Default", _options.Logs is null ? "Warning" : "Information");
        foreach (var (key, value) in _options.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(Sql);
            services.AddSingleton<SqlCountingInterceptor>();
            services.AddSingleton<IStartupFilter, SqlCountingStartupFilter>();
            services.ConfigureDbContext<TeilhabeDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlCountingInterceptor>()));
        });

        if (_options.Logs is { } logs)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(logs));
        }

        if (_options.Services is { } configureServices)
        {
            builder.ConfigureTestServices(configureServices);
        }

        if (_options.FakeClock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }
    }

    /// <summary>An API client without credentials (no cookies, no redirects).</summary>
    public HttpClient AnonymousClient() => CreateClient(handleCookies: false);

    /// <summary>A client that does not follow redirects, against the in-memory or the real server.</summary>
    public HttpClient CreateClient(bool handleCookies)
        => CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = handleCookies,
            BaseAddress = _options.RealServer ? ServerAddress : ClientOptions.BaseAddress,
        });

    /// <summary>
    /// POST /api/v1/auth/token as it comes back: 200, 401, 423 or 429. For a user whose second factor this factory set
    /// up, the current code goes along (ACC-11).
    /// </summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string userName, string password)
        => RequestTokenAsync(userName, password, SecondFactorCodeFor(userName));

    /// <summary>POST /api/v1/auth/token with the given second-factor code (null: none).</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string userName, string password, string? code)
    {
        using var client = AnonymousClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, code });
    }

    /// <summary>
    /// The roles whose test users get a second factor at creation: those profile TH requires (ACC-11) and the IFD lead,
    /// which the example profile XX requires as well.
    /// </summary>
    public static readonly IReadOnlySet<string> RolesWithSecondFactor = new HashSet<string>(StringComparer.Ordinal)
    {
        Roles.IntegrationOfficeCoordinator,
        Roles.Administrator,
        Roles.ServiceLead,
    };

    /// <summary>The key of a user's second factor when this factory set it up (e.g. the administrator's).</summary>
    public string? SecondFactorKeyOf(string userName) => _secondFactorKeys.TryGetValue(userName, out var key) ? key : null;

    /// <summary>A fresh TOTP code of a user whose second factor this factory set up; null for others.</summary>
    public string? SecondFactorCodeFor(string userName)
        => _secondFactorKeys.TryGetValue(userName, out var key) ? TotpCode(key) : null;

    /// <summary>
    /// A code of the key the app has not seen yet, as the app on a phone shows one: each code is accepted once (ACC-11),
    /// so every call gives the code of a later time step than the call before, within the steps the app accepts (see
    /// <see cref="TotpCodes"/>).
    /// </summary>
    public static string TotpCode(string key) => TotpCodes.Next(key);

    /// <summary>The TOTP code (RFC 6238, 6 digits, 30 s) of a key at a moment (the app checks real time).</summary>
    public static string TotpCode(string key, DateTime atUtc)
        => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(atUtc);

    /// <summary>Sets up the second factor of the user behind <paramref name="client"/> through the API; returns the key.</summary>
    public async Task<string> SetUpSecondFactorAsync(HttpClient client, string userName)
    {
        using var setup = await client.PostAsync("/api/v1/auth/mfa/setup", null);
        await setup.ExpectAsync(HttpStatusCode.OK);
        var key = (await setup.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString()!;
        using var enable = await client.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code = TotpCode(key) });
        await enable.ExpectAsync(HttpStatusCode.NoContent);
        _secondFactorKeys[userName] = key;
        return key;
    }

    /// <summary>Signs in through the API and returns a client that sends the bearer token.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password)
    {
        var (token, _) = await IssueTokenAsync(userName, password);
        return ClientWithToken(token);
    }

    public Task<HttpClient> LoginAsync(TestUser user) => LoginAsync(user.UserName, user.Password);

    /// <summary>The bootstrap administrator, past the forced change of the bootstrap password.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        await _adminGate.WaitAsync();
        try
        {
            var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (_adminToken is null || now >= _adminTokenExpiresAt - TimeSpan.FromMinutes(30))
            {
                if (!_adminPasswordChanged)
                {
                    using var first = await LoginAsync(AdminUserName, BootstrapAdminPassword);
                    using var change = await first.PostAsJsonAsync(
                        "/api/v1/auth/password", new { currentPassword = BootstrapAdminPassword, newPassword = AdminPassword });
                    await change.ExpectAsync(HttpStatusCode.NoContent);
                    await SetUpSecondFactorAsync(first, AdminUserName);
                    _adminPasswordChanged = true;
                }

                (_adminToken, _adminTokenExpiresAt) = await IssueTokenAsync(AdminUserName, AdminPassword);
            }

            return ClientWithToken(_adminToken);
        }
        finally
        {
            _adminGate.Release();
        }
    }

    /// <summary>POST /api/v1/admin/organisations; returns the id.</summary>
    public async Task<string> CreateOrganisationAsync(string kind, string? name = null, string state = "TH")
    {
        using var admin = await AdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { kind, name = name ?? Unique(kind), state });
        return await response.ReadCreatedIdAsync();
    }

    /// <summary>POST /api/v1/admin/services (an IFD); returns the id.</summary>
    public async Task<string> CreateServiceAsync(string providerId, string integrationOfficeId, string? name = null)
    {
        using var admin = await AdminClientAsync();
        using var response = await admin.PostAsJsonAsync(
            "/api/v1/admin/services", new { name = name ?? Unique("IFD"), providerId, integrationOfficeId });
        return await response.ReadCreatedIdAsync();
    }

    /// <summary>POST /api/v1/admin/users with a valid initial password; a Deputy also gets the Caseworker role.</summary>
    /// <param name="withSecondFactor">false: no second factor even for the roles of <see cref="RolesWithSecondFactor"/>
    /// (to test its setup).</param>
    public async Task<TestUser> CreateUserAsync(string role, string? serviceId = null, string? officeId = null, bool mustChangePassword = false, bool withSecondFactor = true)
    {
        var userName = Unique(role).ToLowerInvariant();
        var password = TestPasswords.Initial;
        string[] roles = role == Roles.Deputy ? [Roles.Caseworker, Roles.Deputy] : [role];
        using var admin = await AdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName,
            displayName = $"{Roles.GermanLabel(role)} {userName}",
            initialPassword = password,
            roles,
            serviceId,
            integrationOfficeId = officeId,
            mustChangePassword,
        });
        var id = await response.ReadCreatedIdAsync();
        if (withSecondFactor && RolesWithSecondFactor.Contains(role))
        {
            var (token, _) = await IssueTokenAsync(userName, password);
            using var own = ClientWithToken(token);
            var key = await SetUpSecondFactorAsync(own, userName);
            return new TestUser(id, userName, password, role, serviceId, officeId, key);
        }

        return new TestUser(id, userName, password, role, serviceId, officeId);
    }

    /// <summary>A name nobody else in this factory has, e.g. "Caseworker-7".</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseCreated)
        {
            _database.Drop();
            _databaseCreated = false;
        }

        if (Directory.Exists(_storagePath))
        {
            Directory.Delete(_storagePath, recursive: true);
        }

        _adminGate.Dispose();
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> IssueTokenAsync(string userName, string password)
    {
        using var response = await RequestTokenAsync(userName, password);
        await response.ExpectAsync(HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new InvalidOperationException("POST /api/v1/auth/token answered 200 without a body.");
        return (token.AccessToken, token.ExpiresAt);
    }

    private HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
}
