using System.Net;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// PH-FDS-04 from FP1 and from FP3: the review page lists everything beyond the written commission (texts, contacts,
/// LEK, goals, IFD tasks, documents) and the confirmation removes all of it, audited; the commission stays.
/// </summary>
public sealed class PurgeBeyondCommissionTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string PlannedContents = "Besprechung mit dem Arbeitgeber über Umsetzung";

    private sealed record Filled(string CaseId, HttpClient Caseworker, HttpClient Pages, TestTenant Tenant) : IDisposable
    {
        public void Dispose()
        {
            Caseworker.Dispose();
            Pages.Dispose();
        }
    }

    private async Task<Filled> FdsCaseWithEverythingAsync(bool inFp3)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-ina" });
        await caseworker.UploadOkAsync(id, "WrittenCommission");
        if (inFp3)
        {
            await caseworker.SignNoticeAsync(id, factory.Today());
            await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
            using var fp3 = await caseworker.MoveAsync(id, new { to = "FP3" });
            await fp3.ExpectAsync(HttpStatusCode.OK);
        }

        await caseworker.PatchOkAsync(id, new { plannedContents = PlannedContents });
        using (var other = await caseworker.UploadAsync(id, "Other", fileName: "gespraechsnotiz.pdf"))
        {
            await other.ExpectAsync(HttpStatusCode.Created);
        }

        var lek = await caseworker.CreateOutcomeAsync(id);
        using (var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using (var goal = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals", new { goal = "Arbeitsplatz sichern", subGoals = "Stehhilfe", activities = "Antrag", dueDate = "2027-03-31", resources = "Technischer Dienst", responsible = "Fachkraft" }))
        {
            await goal.ExpectAsync(HttpStatusCode.Created);
        }

        using (var consent = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/colleague-consents",
            new { givenOn = factory.Today(), form = "written", colleagues = "Team Versand", information = "Art der Anfälle, Verhalten im Notfall" }))
        {
            await consent.ExpectAsync(HttpStatusCode.Created);
        }

        return new(id, caseworker, await factory.SignInToPagesAsync(tenant.CaseworkerA), tenant);
    }

    private static async Task<HttpResponseMessage> MoveAsync(Filled s, bool confirmed)
    {
        var page = $"/faelle/{s.CaseId}";
        var token = PageSignIn.AntiforgeryToken(await s.Pages.GetStringAsync(page));
        var fields = new Dictionary<string, string> { ["Move.To"] = "FP5", ["Move.ReasonCode"] = "client-refuses", ["__RequestVerificationToken"] = token };
        if (confirmed)
        {
            fields["confirmed"] = "true";
        }

        using var form = new FormUrlEncodedContent(fields);
        return await s.Pages.PostAsync(page + "?handler=Move", form);
    }

    private async Task ReviewListsEverythingAndConfirmRemovesItAsync(Filled s, string from)
    {
        using (var review = await MoveAsync(s, confirmed: false))
        {
            await review.ExpectAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync());
            Assert.Contains("Bitte prüfen und bestätigen", html, StringComparison.Ordinal);
            Assert.Contains("Text „", html, StringComparison.Ordinal);
            Assert.Contains("Kontakt vom ", html, StringComparison.Ordinal);
            Assert.Contains("LEK „", html, StringComparison.Ordinal);
            Assert.Contains("Ziel „Arbeitsplatz sichern“", html, StringComparison.Ordinal);
            Assert.Contains("IFD-Aufgabe: Einverständnis zur Information von Kolleginnen und Kollegen", html, StringComparison.Ordinal);
            Assert.Contains("Dokument gespraechsnotiz.pdf", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dokument scan.pdf (Schriftliche Beauftragung", html, StringComparison.Ordinal);
        }

        Assert.Equal(from, await s.Caseworker.PhaseOfAsync(s.CaseId));
        Assert.Equal(1, (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/goals")).GetArrayLength());

        using (var confirmed = await MoveAsync(s, confirmed: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        Assert.Equal("FP5", await s.Caseworker.PhaseOfAsync(s.CaseId));
        Assert.Equal(0, (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).GetArrayLength());
        Assert.Equal(0, (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).GetArrayLength());
        Assert.Equal(0, (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/goals")).GetArrayLength());
        Assert.Equal(0, (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/colleague-consents")).GetArrayLength());
        var kinds = (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/documents")).EnumerateArray()
            .Select(d => d.GetProperty("kind").GetString()).Where(k => k is not ("DisabilityProof" or "DisabilityCard")).ToList();
        Assert.Equal(["WrittenCommission"], kinds);
        var @case = await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}");
        Assert.DoesNotContain(PlannedContents, @case.ToString(), StringComparison.Ordinal);

        using var admin = await factory.AdminClientAsync();
        var audit = (await admin.GetJsonAsync($"/api/v1/admin/audit?caseId={s.CaseId}")).EnumerateArray()
            .Single(r => r.GetProperty("action").GetString() == "delete"
                && r.TryGetProperty("reason", out var why) && why.GetString()?.StartsWith("PH-FDS-04", StringComparison.Ordinal) == true);
        var reason = audit.GetProperty("reason").GetString()!;
        Assert.Contains("Kontakt vom ", reason, StringComparison.Ordinal);
        Assert.Contains("LEK „", reason, StringComparison.Ordinal);
        // The trail outlives the personal data (DEL-01): goals and documents by id, without their texts and file names.
        Assert.Contains("Ziel ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Arbeitsplatz sichern", reason, StringComparison.Ordinal);
        Assert.Contains("Dokument ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("gespraechsnotiz.pdf", reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-04")]
    public async Task PHFDS04_from_FP1_the_review_lists_texts_contacts_LEK_goals_IFD_tasks_and_documents_and_the_confirmation_removes_them_audited()
    {
        using var s = await FdsCaseWithEverythingAsync(inFp3: false);
        await ReviewListsEverythingAndConfirmRemovesItAsync(s, "FP1");
    }

    [Fact]
    [Trait("Rule", "PH-FDS-04")]
    public async Task PHFDS04_from_FP3_the_review_lists_texts_contacts_LEK_goals_IFD_tasks_and_documents_and_the_confirmation_removes_them_audited()
    {
        using var s = await FdsCaseWithEverythingAsync(inFp3: true);
        await ReviewListsEverythingAndConfirmRemovesItAsync(s, "FP3");
    }
}
