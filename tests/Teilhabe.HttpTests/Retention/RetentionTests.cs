using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Retention;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Retention;

namespace Teilhabe.HttpTests.Retention;

/// <summary>
/// DEL-01 with a fixed clock: the class moves the factory clock once to 10 December (of the current year, if earlier),
/// so that a case whose deletion day is 1 January of next year lies within the lead's one-month preview.
/// </summary>
public sealed class RetentionTests : IClassFixture<TeilhabeFactory>
{
    private readonly TeilhabeFactory _factory;

    public RetentionTests(TeilhabeFactory factory)
    {
        _factory = factory;
        var now = factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.Year, 12, 10, 10, 0, 0, TimeSpan.Zero);
        if (now < target)
        {
            factory.Clock.SetUtcNow(target);
        }
    }

    private DateOnly Today => _factory.BerlinToday();

    /// <summary>Closes the case P2 → P3 → P4 on the given days and fills a text field, directly through the domain.</summary>
    private async Task CloseAsync(string caseId, DateOnly p2, DateOnly p3, DateOnly p4, string concern)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var c = await db.Cases.IgnoreQueryFilters().Include(x => x.History).SingleAsync(x => x.Id == Guid.Parse(caseId));
        var at = _factory.Clock.GetUtcNow();
        c.MoveTo(Phase.P2, p2, c.CaseworkerId, at, null, null, null);
        c.MoveTo(Phase.P3, p3, c.CaseworkerId, at, null, null, null);
        c.MoveTo(Phase.P4, p4, c.CaseworkerId, at, "fulfilled", "job-secured", null);
        c.UpdateTexts(new CaseTexts { Concern = concern, Todo = "privat" });
        await db.SaveChangesAsync();
    }

    private async Task<RetentionService.Result> RunAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(Today);
    }

    [Fact]
    [Trait("Rule", "DEL-01")]
    public async Task DEL01_a_case_closed_6_years_ago_is_anonymised_its_files_are_gone_and_the_deletion_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(_factory, withSecondService: false);
        using var caseworker = await _factory.LoginAsync(tenant.CaseworkerA);
        var lastName = _factory.Unique("Altfall");
        var clientId = await caseworker.CreateClientAsync(lastName: lastName);
        var oldCase = await caseworker.CreateCaseAsync(new { clientId });
        var outcome = await caseworker.CreateOutcomeAsync(oldCase);
        using (var contact = await caseworker.RecordContactAsync(oldCase, ContactApi.OnDay(Today), [outcome]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using var uploaded = await caseworker.UploadAsync(oldCase, "Other");
        var documentId = Guid.Parse(await uploaded.ReadCreatedIdAsync());
        var year = Today.Year - 6;
        await CloseAsync(oldCase, new(year, 2, 1), new(year, 3, 1), new(year, 9, 30), "Altes Anliegen");

        var recentClient = await caseworker.CreateClientAsync(lastName: _factory.Unique("Neufall"));
        var recentCase = await caseworker.CreateCaseAsync(new { clientId = recentClient });
        var recent = Today.AddYears(-2);
        await CloseAsync(recentCase, recent.AddMonths(-3), recent.AddMonths(-2), recent, "Neues Anliegen");

        string storageKey;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
            storageKey = await db.Documents.IgnoreQueryFilters().Where(d => d.Id == documentId).Select(d => d.StorageKey).SingleAsync();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IDocumentStore>().ReadAsync(storageKey, default));
        }

        await RunAsync();

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
            var id = Guid.Parse(oldCase);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IDocumentStore>().ReadAsync(storageKey, default));
            Assert.False(await db.Documents.IgnoreQueryFilters().AnyAsync(d => d.CaseId == id));
            Assert.False(await db.Contacts.IgnoreQueryFilters().AnyAsync(c => c.CaseId == id));
            var old = await db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Null(old.Texts.Concern);
            Assert.Null(old.Texts.Todo);
            Assert.Equal(Today, old.AnonymisedOn);
            Assert.Equal(Phase.P4, old.Phase);
            Assert.Equal("job-secured", old.OutcomeCategoryCode);
            var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(clientId));
            Assert.NotEqual(lastName, client.LastName);
            Assert.Equal(new DateOnly(1975, 12, 31), client.BirthDate);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "delete" && a.Entity == "Case" && a.EntityId == oldCase && a.Reason == RetentionRules.Reason));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "delete" && a.Entity == "Client" && a.EntityId == clientId && a.Reason == RetentionRules.Reason));

            var kept = await db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(recentCase));
            Assert.Equal("Neues Anliegen", kept.Texts.Concern);
            Assert.Null(kept.AnonymisedOn);
            var keptClient = await db.Clients.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(recentClient));
            Assert.Null(keptClient.AnonymisedOn);
        }

        using var gone = await caseworker.GetAsync($"/api/v1/documents/{documentId}");
        await gone.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "DEL-01")]
    public async Task DEL01_the_annual_statistics_of_the_past_year_are_the_same_before_and_after_the_run()
    {
        var tenant = await TestTenant.CreateAsync(_factory, withSecondService: false);
        using var caseworker = await _factory.LoginAsync(tenant.CaseworkerA);
        using var lead = await _factory.LoginAsync(tenant.LeadA);
        var year = Today.Year - 6;
        for (var i = 0; i < 3; i++)
        {
            var clientId = await caseworker.CreateClientAsync(lastName: _factory.Unique("Statistik"), birthDate: $"19{70 + i}-0{i + 4}-1{i}");
            var caseId = await caseworker.CreateCaseAsync(new { clientId });
            await CloseAsync(caseId, new(year, 1, 10 + i), new(year, 2, 1 + i), new(year, 8, 1 + i), "Anliegen");
        }

        var before = await (await lead.GetAsync($"/api/v1/statistics/annual?year={year}")).Content.ReadAsStringAsync();
        Assert.Contains("job-secured", before, StringComparison.Ordinal);

        var result = await RunAsync();

        Assert.True(result.Cases >= 3);
        var after = await (await lead.GetAsync($"/api/v1/statistics/annual?year={year}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    [Trait("Rule", "DEL-01")]
    public async Task DEL01_the_lead_sees_a_case_a_month_before_its_deletion_and_caseworkers_may_not()
    {
        var tenant = await TestTenant.CreateAsync(_factory, withSecondService: true);
        using var caseworker = await _factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync(lastName: _factory.Unique("Bald"));
        var soon = await caseworker.CreateCaseAsync(new { clientId });
        var closedYear = Today.Year - 5;
        await CloseAsync(soon, new(closedYear, 1, 5), new(closedYear, 2, 1), new(closedYear, 6, 30), "Anliegen");
        var laterClient = await caseworker.CreateClientAsync(lastName: _factory.Unique("Spaeter"));
        var later = await caseworker.CreateCaseAsync(new { clientId = laterClient });
        await CloseAsync(later, new(closedYear + 1, 1, 5), new(closedYear + 1, 2, 1), new(closedYear + 1, 6, 30), "Anliegen");

        using var lead = await _factory.LoginAsync(tenant.LeadA);
        var due = await lead.GetJsonAsync("/api/v1/retention/due");
        var item = Assert.Single(due.EnumerateArray(), e => e.GetProperty("caseId").GetString() == soon);
        Assert.Equal($"{Today.Year + 1}-01-01", item.GetProperty("deletionDate").GetString());
        Assert.DoesNotContain(due.EnumerateArray(), e => e.GetProperty("caseId").GetString() == later);

        using var leadB = await _factory.LoginAsync(tenant.LeadB!);
        var foreign = await leadB.GetJsonAsync("/api/v1/retention/due");
        Assert.DoesNotContain(foreign.EnumerateArray(), e => e.GetProperty("caseId").GetString() == soon);

        using var forbidden = await caseworker.GetAsync("/api/v1/retention/due");
        await forbidden.ExpectAsync(HttpStatusCode.Forbidden);

        using var page = await _factory.SignInToPagesAsync(tenant.LeadA);
        var html = await page.GetStringAsync("/loeschung");
        var number = (await caseworker.GetJsonAsync($"/api/v1/cases/{soon}")).GetProperty("caseNumber").GetString()!;
        Assert.Contains(number, html, StringComparison.Ordinal);

        // Not yet due today: the nightly run leaves it alone.
        await RunAsync();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.Null((await db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(soon))).AnonymisedOn);
    }

    [Fact]
    [Trait("Rule", "DEL-01")]
    public async Task DEL01_a_case_never_closed_and_open_longer_than_the_period_is_listed_for_the_lead_and_not_deleted()
    {
        var tenant = await TestTenant.CreateAsync(_factory, withSecondService: true);
        using var caseworker = await _factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync(lastName: _factory.Unique("Nie abgemeldet"));
        var open = await caseworker.CreateCaseAsync(new { clientId });
        var recent = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(lastName: _factory.Unique("Frisch")) });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
            var c = await db.Cases.IgnoreQueryFilters().SingleAsync(x => x.Id == Guid.Parse(open));
            db.Entry(c).Property(x => x.StartDate).CurrentValue = Today.AddYears(-6);
            await db.SaveChangesAsync();
        }

        using var lead = await _factory.LoginAsync(tenant.LeadA);
        var listed = await lead.GetJsonAsync("/api/v1/retention/open");
        var item = Assert.Single(listed.EnumerateArray(), e => e.GetProperty("caseId").GetString() == open);
        Assert.Equal(Today.AddYears(-6).Iso(), item.GetProperty("startDate").GetString());
        Assert.DoesNotContain(listed.EnumerateArray(), e => e.GetProperty("caseId").GetString() == recent);

        using var leadB = await _factory.LoginAsync(tenant.LeadB!);
        Assert.DoesNotContain((await leadB.GetJsonAsync("/api/v1/retention/open")).EnumerateArray(), e => e.GetProperty("caseId").GetString() == open);
        using (var forbidden = await caseworker.GetAsync("/api/v1/retention/open"))
        {
            await forbidden.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using var page = await _factory.SignInToPagesAsync(tenant.LeadA);
        var html = await page.GetStringAsync("/loeschung");
        var number = (await caseworker.GetJsonAsync($"/api/v1/cases/{open}")).GetProperty("caseNumber").GetString()!;
        Assert.Contains("Nie abgemeldete Aufträge", html, StringComparison.Ordinal);
        Assert.Contains(number, html[html.IndexOf("Nie abgemeldete Aufträge", StringComparison.Ordinal)..], StringComparison.Ordinal);

        await RunAsync();
        await using var check = _factory.Services.CreateAsyncScope();
        var kept = await check.ServiceProvider.GetRequiredService<TeilhabeDbContext>().Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(open));
        Assert.Null(kept.AnonymisedOn);
    }
}
