using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>
/// Issue 19: job start and aftercare (PRG-TR-07), prospect (PRG-TR-08), end (PRG-TR-05), move-up (PRG-TR-01) and the
/// participation contract (PRG-TR-04), through the participation and programme pages and the API, on SQLite and PostgreSQL.
/// </summary>
public sealed class ParticipationActionsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(ProgrammeApi.Staff Staff, string ProgrammeId, string Agency, string Jobcenter)> CoachingAsync(TeilhabeFactory app, int yearlyPlaces = 150)
    {
        var staff = await app.ProgrammeStaffAsync();
        var agency = await staff.Lead.CreateFunderAsync("EmploymentAgency", app.Unique("Agentur für Arbeit Trier"));
        var jobcenter = await staff.Lead.CreateFunderAsync("Jobcenter", app.Unique("Jobcenter Trier"));
        var id = await staff.CreateProgrammeAsync("coaching", yearlyPlaces, agency, jobcenter);
        return (staff, id, agency, jobcenter);
    }

    private static async Task<HttpClient> PagesAsync(TeilhabeFactory app, ProgrammeApi.Staff staff, string role = Roles.Trainer)
        => await app.SignInToPagesAsync(await app.CreateUserAsync(role, staff.Tenant.ServiceA));

    /// <summary>Posts a form of <paramref name="path"/> to its handler with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(await client.GetStringAsync(path)) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync($"{path}?handler={handler}", content);
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static Task<HttpResponseMessage> AftercareAsync(HttpClient client, string participation, DateOnly on, string with = "participant", string form = "phone", string? note = null)
        => client.PostAsJsonAsync($"/api/v1/participations/{participation}/aftercare-contacts", new { on = Iso(on), with, form, note });

    private static Task<HttpResponseMessage> JobStartAsync(HttpClient client, string participation, DateOnly on, string kind = "employment")
        => client.PostAsJsonAsync($"/api/v1/participations/{participation}/job-start", new { on = Iso(on), kind });

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public async Task PRGTR07_an_aftercare_contact_needs_a_job_start_is_refused_before_it_unknown_codes_answer_400_and_a_stored_one_is_audited()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);

        using (var withoutJob = await AftercareAsync(staff.Trainer, p, today))
        {
            await withoutJob.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-07"], await withoutJob.ReadViolatedRulesAsync());
        }

        using (var started = await JobStartAsync(staff.Trainer, p, today))
        {
            await started.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var before = await AftercareAsync(staff.Trainer, p, today.AddDays(-1)))
        {
            await before.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-07"], await before.ReadViolatedRulesAsync());
        }

        using (var unknown = await AftercareAsync(staff.Trainer, p, today, with: "chef"))
        {
            await unknown.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var ok = await AftercareAsync(staff.Trainer, p, today, with: "employer", form: "personal", note: "Gespräch mit der Ausbilderin"))
        {
            await ok.ExpectAsync(HttpStatusCode.Created);
        }

        var contacts = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}/aftercare-contacts")).EnumerateArray().ToList();
        var contact = Assert.Single(contacts);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
            var contactId = contact.GetProperty("id").GetString();
            Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Entity == "AftercareContact" && a.EntityId == contactId && a.Action == AuditActions.Create));
        }

        Assert.Equal("employer", contact.GetProperty("with").GetString());
        Assert.Equal("personal", contact.GetProperty("form").GetString());
        Assert.Equal("Gespräch mit der Ausbilderin", contact.GetProperty("note").GetString());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public async Task PRGTR07_a_contact_after_the_aftercare_period_is_refused_and_a_missed_monthly_contact_is_overdue_on_the_deadline_list()
    {
        await using var app = new TeilhabeFactory();
        var (staff, id, agency, _) = await CoachingAsync(app);
        using var _s = staff;
        using (var set = await PutSettingsAsync(staff.Lead, id, aftercareMonths: 2))
        {
            await set.ExpectAsync(HttpStatusCode.OK);
        }

        var start = app.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", start);
        using (var started = await JobStartAsync(staff.Trainer, p, start))
        {
            await started.ExpectAsync(HttpStatusCode.NoContent);
        }

        app.Clock.Advance(TimeSpan.FromDays(75));
        using var trainer = await app.LoginAsync(await app.CreateUserAsync(Roles.Trainer, staff.Tenant.ServiceA));
        Assert.Equal(Iso(start.AddMonths(2)), (await trainer.GetJsonAsync($"/api/v1/participations/{p}")).GetProperty("aftercareEndsOn").GetString());

        using (var late = await AftercareAsync(trainer, p, start.AddMonths(2).AddDays(1)))
        {
            await late.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-07"], await late.ReadViolatedRulesAsync());
        }

        using (var lastDay = await AftercareAsync(trainer, p, start.AddMonths(2)))
        {
            await lastDay.ExpectAsync(HttpStatusCode.Created);
        }

        // The participant was contacted on the last day (no further month in the period); the employer was never contacted: overdue since start + 1 month.
        var deadlines = (await trainer.GetJsonAsync("/api/v1/deadlines")).EnumerateArray().Where(e => e.GetProperty("rule").GetString() == "PRG-TR-07").ToList();
        var overdue = Assert.Single(deadlines);
        Assert.Equal($"/teilnahmen/{p}", overdue.GetProperty("link").GetString());
        Assert.Equal(Iso(start.AddMonths(1)), overdue.GetProperty("dueDate").GetString());
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Contains("Betrieb", overdue.GetProperty("label").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PutSettingsAsync(HttpClient client, string id, int? aftercareMonths)
    {
        using var get = await client.GetAsync($"/api/v1/programmes/{id}/settings");
        await get.ExpectAsync(HttpStatusCode.OK);
        var s = await get.Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{id}/settings")
        {
            Content = JsonContent.Create(new
            {
                name = s.GetProperty("name").GetString(),
                yearlyPlaces = s.GetProperty("yearlyPlaces").GetInt32(),
                sites = s.GetProperty("sites").EnumerateArray().Select(x => new { name = x.GetProperty("name").GetString(), places = x.GetProperty("places").GetInt32() }).ToList(),
                referringBodyIds = s.GetProperty("referringBodyIds").EnumerateArray().Select(x => x.GetString()).ToList(),
                referralMonths = 12,
                informationTalkDays = 7,
                maxExtensionMonths = (int?)null,
                aftercareMonths,
            })
        };
        request.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public async Task PRGTR07_the_participation_page_records_job_start_and_aftercare_contact_and_both_pages_show_the_next_aftercare_date()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        using var pages = await PagesAsync(factory, staff);
        var path = $"/teilnahmen/{p}";

        using (var job = await PostPageAsync(pages, path, "JobStart", new() { ["JobStartOn"] = Iso(today), ["JobStartKind"] = "apprenticeship" }))
        {
            await job.ExpectAsync(HttpStatusCode.Redirect);
        }

        using (var before = await PostPageAsync(pages, path, "Aftercare", new() { ["AftercareOn"] = Iso(today.AddDays(-1)), ["AftercareWith"] = "participant", ["AftercareForm"] = "phone" }))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await before.Content.ReadAsStringAsync());
            Assert.Contains("vor dem Arbeitsbeginn", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#AftercareOn\"", html, StringComparison.Ordinal);
        }

        using (var ok = await PostPageAsync(pages, path, "Aftercare", new() { ["AftercareOn"] = Iso(today), ["AftercareWith"] = "participant", ["AftercareForm"] = "phone", ["AftercareNote"] = "Erste Woche gut angekommen" }))
        {
            await ok.ExpectAsync(HttpStatusCode.Redirect);
        }

        var page = await PageAsync(pages, path);
        Assert.Contains("Arbeitsbeginn am " + today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) + ": Ausbildung", page, StringComparison.Ordinal);
        Assert.Contains("Erste Woche gut angekommen", page, StringComparison.Ordinal);
        Assert.Contains("Nachbetreuung: nächster Kontakt (Teilnehmende Person) – fällig am " + today.AddMonths(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        var programmePage = await PageAsync(pages, $"/programme/{id}");
        Assert.Contains("PRG-TR-07: fällig am " + today.AddMonths(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), programmePage, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-08")]
    public async Task PRGTR08_a_prospect_set_on_the_participation_page_is_counted_for_its_referring_body_only()
    {
        var (staff, id, agency, jobcenter) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        await staff.Trainer.ReferOkAsync(id, jobcenter, "SGB2", today);
        using var pages = await PagesAsync(factory, staff);

        using (var set = await PostPageAsync(pages, $"/teilnahmen/{p}", "Prospect", new() { ["Prospect"] = "true", ["ProspectOn"] = Iso(today) }))
        {
            await set.ExpectAsync(HttpStatusCode.Redirect);
        }

        var rows = (await staff.Trainer.GetJsonAsync($"/api/v1/programmes/{id}/outcome-report?year={today.Year}")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(1, Assert.Single(rows, r => r.GetProperty("referringBodyId").GetString() == agency).GetProperty("prospects").GetInt32());
        Assert.Equal(0, Assert.Single(rows, r => r.GetProperty("referringBodyId").GetString() == jobcenter).GetProperty("prospects").GetInt32());
        var participation = await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}");
        Assert.True(participation.GetProperty("placementProspect").GetBoolean());
        Assert.Equal(Iso(today), participation.GetProperty("prospectAssessedOn").GetString());
        Assert.Contains("Eingeschätzt am " + today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), await PageAsync(pages, $"/teilnahmen/{p}"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-08")]
    public async Task PRGTR08_the_prospect_endpoint_sets_and_clears_the_prospect_and_a_missing_value_answers_400()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);

        async Task<int> ProspectsAsync() => Assert.Single((await staff.Trainer.GetJsonAsync($"/api/v1/programmes/{id}/outcome-report?year={today.Year}"))
            .GetProperty("rows").EnumerateArray()).GetProperty("prospects").GetInt32();

        using (var missing = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/prospect", new { on = Iso(today) }))
        {
            await missing.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var set = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/prospect", new { prospect = true }))
        {
            await set.ExpectAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(1, await ProspectsAsync());
        using (var cleared = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/prospect", new { prospect = false, on = Iso(today) }))
        {
            await cleared.ExpectAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(0, await ProspectsAsync());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public async Task PRGTR05_an_ended_participation_refuses_further_bookings_aftercare_contacts_job_starts_and_a_second_end()
    {
        using var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe"));
        var modular = await staff.CreateProgrammeAsync("modular-qualification", 20, eh);
        var today = factory.BerlinToday();
        var (booked, _) = await staff.Trainer.ReferOkAsync(modular, eh, "SGB9", today);
        using (var first = await staff.Trainer.BookAsync(booked, "entry", today, 2))
        {
            await first.ExpectAsync(HttpStatusCode.Created);
        }

        using (var job = await JobStartAsync(staff.Trainer, booked, today))
        {
            await job.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var end = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{booked}/end", new { on = Iso(today), reason = "dropout" }))
        {
            await end.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var booking = await staff.Trainer.BookAsync(booked, "entry", today, 1))
        {
            await booking.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await booking.ReadViolatedRulesAsync());
        }

        using (var contact = await AftercareAsync(staff.Trainer, booked, today))
        {
            await contact.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await contact.ReadViolatedRulesAsync());
        }

        using (var job = await JobStartAsync(staff.Trainer, booked, today))
        {
            await job.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await job.ReadViolatedRulesAsync());
        }

        using (var again = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{booked}/end", new { on = Iso(today), reason = "other", note = "doppelt" }))
        {
            await again.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await again.ReadViolatedRulesAsync());
        }

        var participation = await staff.Trainer.GetJsonAsync($"/api/v1/participations/{booked}");
        Assert.Equal("ended", participation.GetProperty("status").GetString());
        Assert.Equal("dropout", participation.GetProperty("endReason").GetString());
        Assert.Equal(1, participation.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public async Task PRGTR05_ending_needs_a_known_reason_and_for_another_reason_a_note_and_the_page_ends_it()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);

        using (var unknown = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/end", new { on = Iso(today), reason = "langeweile" }))
        {
            await unknown.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var noNote = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/end", new { on = Iso(today), reason = "other" }))
        {
            await noNote.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await noNote.ReadViolatedRulesAsync());
        }

        using var pages = await PagesAsync(factory, staff);
        using (var end = await PostPageAsync(pages, $"/teilnahmen/{p}", "End", new() { ["EndOn"] = Iso(today), ["EndReason"] = "other", ["EndNote"] = "Umzug nach Köln" }))
        {
            await end.ExpectAsync(HttpStatusCode.Redirect);
        }

        var page = await PageAsync(pages, $"/teilnahmen/{p}");
        Assert.Contains("Beendet am " + today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) + ": sonstiger Grund (im Freitext) – Umzug nach Köln", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Aftercare", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public async Task PRGTR01_when_a_participation_ends_the_lead_moves_the_first_of_the_waiting_list_up_on_the_programme_page()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory, yearlyPlaces: 1);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (active, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        var (first, s1) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        var (second, s2) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        Assert.Equal(["waiting", "waiting"], new[] { s1, s2 });

        using (var full = await staff.Lead.PostAsync($"/api/v1/programmes/{id}/move-up", null))
        {
            await full.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-01"], await full.ReadViolatedRulesAsync());
        }

        using var lead = await PagesAsync(factory, staff, Roles.ProgrammeLead);
        Assert.Contains("Kein Platz frei", await PageAsync(lead, $"/programme/{id}"), StringComparison.Ordinal);
        using (var end = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{active}/end", new { on = Iso(today), reason = "placement" }))
        {
            await end.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var byTrainer = await staff.Trainer.PostAsync($"/api/v1/programmes/{id}/move-up", null))
        {
            await byTrainer.ExpectAsync(HttpStatusCode.Forbidden);
        }

        Assert.Contains("Nachrücken lassen", await PageAsync(lead, $"/programme/{id}"), StringComparison.Ordinal);
        using (var moved = await PostPageAsync(lead, $"/programme/{id}", "MoveUp", []))
        {
            await moved.ExpectAsync(HttpStatusCode.Redirect);
        }

        Assert.Equal("active", (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{first}")).GetProperty("status").GetString());
        Assert.Equal("waiting", (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{second}")).GetProperty("status").GetString());
        Assert.Contains("Kein Platz frei", await PageAsync(lead, $"/programme/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public async Task PRGTR04_the_signed_contract_uploaded_on_the_page_is_downloadable_and_the_download_is_audited()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        using var pages = await PagesAsync(factory, staff);
        var path = $"/teilnahmen/{p}";

        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(PageSignIn.AntiforgeryToken(await pages.GetStringAsync(path))), "__RequestVerificationToken");
            form.Add(new StringContent(Iso(today)), "ContractSignedOn");
            form.Add(new ByteArrayContent(CaseApi.SmallPdf), "ContractFile", "teilnahmevertrag.pdf");
            using var uploaded = await pages.PostAsync($"{path}?handler=Contract", form);
            await uploaded.ExpectAsync(HttpStatusCode.Redirect);
        }

        var page = await PageAsync(pages, path);
        Assert.Contains("teilnahmevertrag.pdf herunterladen", page, StringComparison.Ordinal);
        using (var download = await pages.GetAsync($"{path}?handler=Contract"))
        {
            await download.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(CaseApi.SmallPdf, await download.Content.ReadAsByteArrayAsync());
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Entity == "ParticipationContract" && a.EntityId == p && a.Action == AuditActions.Read));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    [Trait("Rule", "DOC-01")]
    public async Task PRGTR04_a_contract_needs_its_signing_date_and_a_real_document_and_staff_of_another_service_cannot_fetch_it()
    {
        var (staff, id, agency, _) = await CoachingAsync(factory);
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);

        async Task<HttpResponseMessage> UploadAsync(string? signedOn, byte[] bytes)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "vertrag.pdf" } };
            if (signedOn is not null)
            {
                form.Add(new StringContent(signedOn), "signedOn");
            }

            return await staff.Trainer.PostAsync($"/api/v1/participations/{p}/contract", form);
        }

        using (var undated = await UploadAsync(null, CaseApi.SmallPdf))
        {
            await undated.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-04"], await undated.ReadViolatedRulesAsync());
        }

        using (var text = await UploadAsync(Iso(today), "kein pdf"u8.ToArray()))
        {
            await text.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["DOC-01"], await text.ReadViolatedRulesAsync());
        }

        using (var missing = await staff.Trainer.GetAsync($"/api/v1/participations/{p}/contract"))
        {
            await missing.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var ok = await UploadAsync(Iso(today), CaseApi.SmallPdf))
        {
            await ok.ExpectAsync(HttpStatusCode.NoContent);
        }

        var contract = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}")).GetProperty("contract");
        Assert.Equal(Iso(today), contract.GetProperty("signedOn").GetString());
        Assert.Equal("vertrag.pdf", contract.GetProperty("fileName").GetString());
        using (var download = await staff.Trainer.GetAsync($"/api/v1/participations/{p}/contract"))
        {
            await download.ExpectAsync(HttpStatusCode.OK);
        }

        using var other = await factory.ProgrammeStaffAsync();
        using (var foreign = await other.Lead.GetAsync($"/api/v1/participations/{p}/contract"))
        {
            await foreign.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var foreignContact = await AftercareAsync(other.Trainer, p, today))
        {
            await foreignContact.ExpectAsync(HttpStatusCode.NotFound);
        }
    }
}
