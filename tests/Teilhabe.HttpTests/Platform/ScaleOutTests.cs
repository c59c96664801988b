using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Deadlines.Reminders;
using Teilhabe.Web.Features.Retention;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Scale-out (README "Production topology"): two app instances on real loopback ports, started at the same moment
/// on one empty database (SQLite file or PostgreSQL database) and one document storage, behave as one product.
/// </summary>
public sealed class ScaleOutTests(ScaleOutTests.TwoInstances nodes) : IClassFixture<ScaleOutTests.TwoInstances>
{
    [Fact]
    public async Task ScaleOut_concurrent_start_on_an_empty_database_creates_every_shared_thing_once()
    {
        await using var scope = nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();

        // One Data Protection key: otherwise each node would protect cookies with a key the other may not know.
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, await db.Users.IgnoreQueryFilters().CountAsync(u => u.UserName == TeilhabeFactory.AdminUserName));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());

        // Both nodes' retention job ran at start: the day was claimed once.
        Assert.Equal(1, await db.RetentionRuns.CountAsync());

        // One document key file on the shared storage, the same key in both nodes (see the document test).
        Assert.Single(System.IO.Directory.GetFiles(nodes.Root, "document-key.b64*"));
    }

    [Fact]
    public async Task ScaleOut_page_login_on_one_node_and_a_form_posted_to_the_other_works_both_ways()
    {
        var tenant = await nodes.TenantAsync();
        foreach (var (first, second) in new[] { (nodes.A, nodes.B), (nodes.B, nodes.A) })
        {
            using var browser = Browser(out _);

            // Login form from the first node, credentials posted to the second: the antiforgery token travels.
            using (var login = await PostFormAsync(browser, first, second, "/konto/anmelden", new()
            {
                ["UserName"] = tenant.CaseworkerA.UserName,
                ["Password"] = tenant.CaseworkerA.Password,
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }

            // With that cookie, a form GET on the first node and its POST on the second.
            var lastName = nodes.A.Unique("Verteilt");
            string location;
            using (var created = await PostFormAsync(browser, first, second, "/klienten/neu", new()
            {
                ["Form.LastName"] = lastName,
                ["Form.FirstName"] = "Paula",
                ["Form.BirthDate"] = "1980-02-03",
                ["Form.Gender"] = "Female",
                ["Form.Nationality"] = "deutsch",
                ["Form.Street"] = "Anger 1",
                ["Form.PostalCode"] = "99084",
                ["Form.City"] = "Erfurt",
                ["Form.WorkingLifePosition"] = "employee",
                ["IgnoreDuplicates"] = "true",
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                location = created.Headers.Location!.OriginalString;
                Assert.StartsWith("/klienten/", location, StringComparison.Ordinal);
                Assert.NotEqual("/klienten/neu", location);
            }

            // The new record shows on both nodes with the same cookie.
            foreach (var node in new[] { first, second })
            {
                using var page = await browser.GetAsync(new Uri(node.ServerAddress, location));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains(lastName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Post/redirect/get: the confirmation (TempData cookie) written by the second node shows on the first.
            using (var added = await PostFormAsync(browser, first, second, location, new()
            {
                ["NewDisability.CategoryCode"] = "mental",
                ["NewDisability.Description"] = "Depression",
            }, postPath: $"{location}?handler=Disability"))
            {
                Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
                Assert.Equal(location, added.Headers.Location!.OriginalString);
            }

            using (var confirmed = await browser.GetAsync(new Uri(first.ServerAddress, location)))
            {
                Assert.Contains("Die Behinderung ist erfasst.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ScaleOut_bearer_token_of_one_node_is_accepted_by_the_other()
    {
        var tenant = await nodes.TenantAsync();
        foreach (var (issuer, other) in new[] { (nodes.A, nodes.B), (nodes.B, nodes.A) })
        {
            using var fromIssuer = await ApiClientAsync(issuer, issuer, tenant.CaseworkerA);
            var clientId = await fromIssuer.CreateClientAsync(issuer.Unique("Token"), "Tom");

            using var onOther = await ApiClientAsync(issuer, other, tenant.CaseworkerA);
            var client = await onOther.GetJsonAsync($"/api/v1/clients/{clientId}");
            Assert.Equal("Tom", client.GetProperty("firstName").GetString());
        }
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ScaleOut_a_logged_out_token_is_refused_on_the_other_node()
    {
        var tenant = await nodes.TenantAsync();
        foreach (var (issuer, other) in new[] { (nodes.A, nodes.B), (nodes.B, nodes.A) })
        {
            var token = await TokenAsync(issuer, tenant.CaseworkerA);
            using var onIssuer = ClientWithToken(issuer, token);
            using var onOther = ClientWithToken(other, token);
            using (var before = await onOther.GetAsync("/api/v1/clients"))
            {
                await before.ExpectAsync(HttpStatusCode.OK);
            }

            using (var logout = await onIssuer.PostAsync("/api/v1/auth/logout", null))
            {
                await logout.ExpectAsync(HttpStatusCode.NoContent);
            }

            using var after = await onOther.GetAsync("/api/v1/clients");
            await after.ExpectAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ScaleOut_a_password_change_on_one_node_ends_the_other_tokens_on_the_other_node()
    {
        var tenant = await nodes.TenantAsync();
        var user = await nodes.A.CreateUserAsync(Roles.Caseworker, tenant.ServiceA);
        using var changing = await ApiClientAsync(nodes.A, nodes.A, user);
        using var elsewhere = await ApiClientAsync(nodes.A, nodes.B, user);

        using (var change = await changing.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = user.Password, newPassword = "Geändert#2026b" }))
        {
            await change.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var refused = await elsewhere.GetAsync("/api/v1/clients");
        await refused.ExpectAsync(HttpStatusCode.Unauthorized);
        using var kept = await changing.GetAsync("/api/v1/clients");
        await kept.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ScaleOut_a_second_factor_code_used_on_one_node_is_refused_on_the_other_and_at_the_same_moment_only_one_wins()
    {
        var tenant = await nodes.TenantAsync();
        var coordinator = await nodes.A.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: tenant.IntegrationOfficeId);

        var code = coordinator.CurrentCode();
        using (var used = await nodes.A.RequestTokenAsync(coordinator.UserName, coordinator.Password, code))
        {
            await used.ExpectAsync(HttpStatusCode.OK);
        }

        using (var replayed = await nodes.B.RequestTokenAsync(coordinator.UserName, coordinator.Password, code))
        {
            await replayed.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        var shared = coordinator.CurrentCode();
        var answers = await AtTheSameMomentAsync(
            () => StatusOfTokenRequestAsync(nodes.A, coordinator, shared),
            () => StatusOfTokenRequestAsync(nodes.B, coordinator, shared));
        Assert.Single(answers, status => status == HttpStatusCode.OK);
        Assert.Single(answers, status => status == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ScaleOut_document_uploaded_on_one_node_is_downloaded_on_the_other()
    {
        var tenant = await nodes.TenantAsync();
        using var onA = await ApiClientAsync(nodes.A, nodes.A, tenant.CaseworkerA);
        using var onB = await ApiClientAsync(nodes.A, nodes.B, tenant.CaseworkerA);
        var caseId = await onA.CreateCaseAsync(new { clientId = await onA.CreateClientAsync(nodes.A.Unique("Dokument"), "Dora") });

        foreach (var (upload, download) in new[] { (onA, onB), (onB, onA) })
        {
            var content = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
            using var uploaded = await upload.UploadAsync(caseId, "Other", content);
            var documentId = await uploaded.ReadCreatedIdAsync();

            using var downloaded = await download.GetAsync($"/api/v1/documents/{documentId}");
            await downloaded.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(content, await downloaded.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ScaleOut_daily_jobs_triggered_on_both_nodes_at_the_same_moment_run_once()
    {
        // Its own pair: the clocks move two months.
        await using var pair = new TwoInstances();
        await pair.InitializeAsync();
        var tenant = await pair.TenantAsync();
        using var caseworker = await ApiClientAsync(pair.A, pair.A, tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(pair.A.Unique("Job"), "Jana") });
        await caseworker.SignNoticeAsync(id, pair.A.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        using (var scope = pair.A.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetEmailAsync((await users.FindByIdAsync(tenant.CaseworkerA.Id))!, "fachkraft@ifd.invalid");
        }

        // PH-P2-02 falls due two months after the move to P2.
        var start = pair.A.BerlinToday();
        var days = TimeSpan.FromDays(start.AddMonths(2).AddDays(1).DayNumber - start.DayNumber);
        pair.A.Clock.Advance(days);
        pair.B.Clock.Advance(days);
        var day = pair.A.BerlinToday();

        var reminders = await AtTheSameMomentAsync(
            () => pair.A.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day, CancellationToken.None),
            () => pair.B.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day, CancellationToken.None));
        Assert.Single(reminders, r => r is null);
        Assert.Single(reminders, r => r == 1);
        var mail = Assert.Single(pair.Mails);
        Assert.Equal("fachkraft@ifd.invalid", mail.To);

        var retention = await AtTheSameMomentAsync(
            () => pair.A.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None),
            () => pair.B.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None));
        Assert.Single(retention, ran => ran);

        await using var db = pair.A.Services.CreateAsyncScope();
        var context = db.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.Equal(1, await context.JobRuns.CountAsync(r => r.Job == ReminderJob.JobName && r.Day == day));
        Assert.Equal(1, await context.RetentionRuns.CountAsync(r => r.Day == day));
    }

    private static async Task<T[]> AtTheSameMomentAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = new[] { first, second }.Select(run => Task.Run(async () =>
        {
            await go.Task;
            return await run();
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(runs);
    }

    /// <summary>A browser in front of a load balancer: one cookie jar for both nodes, no redirects followed.</summary>
    private static HttpClient Browser(out CookieContainer jar)
    {
        jar = new CookieContainer();
        return new HttpClient(new SocketsHttpHandler { CookieContainer = jar, UseCookies = true, AllowAutoRedirect = false });
    }

    /// <summary>GETs the form (and its antiforgery token) from one node and posts it to the other.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient browser, TeilhabeFactory formNode, TeilhabeFactory postNode, string path, Dictionary<string, string> fields, string? postPath = null)
    {
        using var form = await browser.GetAsync(new Uri(formNode.ServerAddress, path));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        fields["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(postNode.ServerAddress, postPath ?? path), content);
    }

    /// <summary>A bearer token issued by one node, sent to another.</summary>
    private static async Task<HttpClient> ApiClientAsync(TeilhabeFactory issuer, TeilhabeFactory target, TestUser user)
        => ClientWithToken(target, await TokenAsync(issuer, user));

    private static async Task<string> TokenAsync(TeilhabeFactory issuer, TestUser user)
    {
        using var response = await issuer.RequestTokenAsync(user.UserName, user.Password);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpStatusCode> StatusOfTokenRequestAsync(TeilhabeFactory node, TestUser user, string? code)
    {
        using var response = await node.RequestTokenAsync(user.UserName, user.Password, code);
        return response.StatusCode;
    }

    private static HttpClient ClientWithToken(TeilhabeFactory target, string token)
    {
        var client = new HttpClient { BaseAddress = target.ServerAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Node A and node B: one database (A's), one document folder and key file, a recording mail sender each,
    /// started concurrently on real Kestrel ports.
    /// </summary>
    public sealed class TwoInstances : IAsyncLifetime, IAsyncDisposable
    {
        private readonly SemaphoreSlim _tenantGate = new(1, 1);
        private TestTenant? _tenant;

        public TwoInstances()
        {
            Root = Path.Combine(Path.GetTempPath(), $"teilhabe-scaleout-{Guid.NewGuid():N}");
            var recorder = new RecordingMailSender(Mails);
            var storage = new Dictionary<string, string?> { ["Teilhabe:Storage:Path"] = Path.Combine(Root, "documents") };
            A = TeilhabeFactory.With(new() { RealServer = true, Settings = storage, Services = s => s.AddSingleton<IMailSender>(recorder) });
            B = TeilhabeFactory.With(new()
            {
                RealServer = true,
                Settings = new Dictionary<string, string?>(storage) { ["Teilhabe:Database:ConnectionString"] = A.Database.ConnectionString },
                Services = s => s.AddSingleton<IMailSender>(recorder),
            });
        }

        public TeilhabeFactory A { get; }

        public TeilhabeFactory B { get; }

        /// <summary>The shared storage folder: documents/ and document-key.b64 beside it.</summary>
        public string Root { get; }

        public ConcurrentQueue<MailMessage> Mails { get; } = new();

        public async Task InitializeAsync()
        {
            // A creates the (empty) database; both start at once on it.
            await Task.WhenAll(Task.Run(() => A.ServerAddress), Task.Run(() => B.ServerAddress));
        }

        /// <summary>IFD, users and roles, set up through node A's administration API.</summary>
        public async Task<TestTenant> TenantAsync()
        {
            await _tenantGate.WaitAsync();
            try
            {
                return _tenant ??= await TestTenant.CreateAsync(A, withSecondService: false);
            }
            finally
            {
                _tenantGate.Release();
            }
        }

        async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            if (System.IO.Directory.Exists(Root))
            {
                System.IO.Directory.Delete(Root, recursive: true);
            }

            _tenantGate.Dispose();
        }
    }

    private sealed class RecordingMailSender(ConcurrentQueue<MailMessage> sent) : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken ct)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
