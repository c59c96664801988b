using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using UglyToad.PdfPig;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>Programmes beyond the IFD (issue 9) over the API, on SQLite and PostgreSQL, with the fake clock.</summary>
public sealed class ProgrammeApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(ProgrammeApi.Staff Staff, string ProgrammeId, string Agency, string Jobcenter)> CoachingAsync(int yearlyPlaces = 150)
    {
        var staff = await factory.ProgrammeStaffAsync();
        var agency = await staff.Lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit Trier"));
        var jobcenter = await staff.Lead.CreateFunderAsync("Jobcenter", factory.Unique("Jobcenter Trier"));
        var id = await staff.CreateProgrammeAsync("coaching", yearlyPlaces, agency, jobcenter);
        return (staff, id, agency, jobcenter);
    }

    private async Task<(ProgrammeApi.Staff Staff, string ParticipationId)> BudgetAsync()
    {
        var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe Trier-Saarburg"));
        var id = await staff.CreateProgrammeAsync("modular-qualification", 20, eh);
        var (participation, status) = await staff.Trainer.ReferOkAsync(id, eh, "SGB9", factory.BerlinToday().AddDays(-20));
        Assert.Equal("active", status);
        return (staff, participation);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public async Task PRGTR01_when_capacity_is_reached_the_next_referral_goes_on_the_waiting_list_until_the_lead_admits_it()
    {
        var (staff, id, agency, _) = await CoachingAsync(yearlyPlaces: 2);
        using var _s = staff;
        var today = factory.BerlinToday();

        Assert.Equal("active", (await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today)).Status);
        Assert.Equal("active", (await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today)).Status);
        var (third, status) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        Assert.Equal("waiting", status);
        Assert.Equal(2, (await staff.Lead.GetJsonAsync($"/api/v1/programmes/{id}")).GetProperty("placesUsed").GetInt32());

        using var byTrainer = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{third}/admit", new { reason = "Dringend" });
        await byTrainer.ExpectAsync(HttpStatusCode.Forbidden);
        using var withoutReason = await staff.Lead.PostAsJsonAsync($"/api/v1/participations/{third}/admit", new { reason = " " });
        await withoutReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-01"], await withoutReason.ReadViolatedRulesAsync());

        using var admitted = await staff.Lead.PostAsJsonAsync($"/api/v1/participations/{third}/admit", new { reason = "Ausbildungsbeginn im nächsten Monat" });
        await admitted.ExpectAsync(HttpStatusCode.NoContent);
        var participation = await staff.Lead.GetJsonAsync($"/api/v1/participations/{third}");
        Assert.Equal("active", participation.GetProperty("status").GetString());
        Assert.Equal("Ausbildungsbeginn im nächsten Monat", participation.GetProperty("overCapacityReason").GetString());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-02")]
    public async Task PRGTR02_a_referring_body_not_configured_or_a_wrong_legal_sphere_is_refused()
    {
        var (staff, id, agency, _) = await CoachingAsync();
        using var _s = staff;
        var foreign = await staff.Lead.CreateFunderAsync("Jobcenter", factory.Unique("Jobcenter Mainz"));
        var clientId = await staff.Trainer.CreateClientAsync();

        using var wrongBody = await staff.Trainer.ReferAsync(id, clientId, foreign, "SGB2", factory.BerlinToday());
        await wrongBody.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-02"], await wrongBody.ReadViolatedRulesAsync());

        using var wrongSphere = await staff.Trainer.ReferAsync(id, clientId, agency, "SGB9", factory.BerlinToday());
        await wrongSphere.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-02"], await wrongSphere.ReadViolatedRulesAsync());

        Assert.Equal(0, (await staff.Lead.GetJsonAsync($"/api/v1/programmes/{id}/participations")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-02")]
    public async Task PRGTR02_a_coaching_programme_cannot_name_an_Eingliederungshilfe_as_referring_body()
    {
        using var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe"));

        using var response = await staff.Lead.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Coaching",
            template = "coaching",
            providerId = staff.Tenant.ProviderId,
            yearlyPlaces = 10,
            sites = Array.Empty<object>(),
            referringBodyIds = new[] { eh },
        });

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-02"], await response.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public async Task PRGTR04_the_information_talk_deadline_is_overdue_after_7_days_and_gone_once_set()
    {
        var (staff, id, _, jobcenter) = await CoachingAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        var (late, _) = await staff.Trainer.ReferOkAsync(id, jobcenter, "SGB2", today.AddDays(-8));
        var (fresh, _) = await staff.Trainer.ReferOkAsync(id, jobcenter, "SGB2", today.AddDays(-3));

        var overdue = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{late}")).GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("rule").GetString() == "PRG-TR-04");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(today.AddDays(-1).Iso(), overdue.GetProperty("dueOn").GetString());
        var due = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{fresh}")).GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("rule").GetString() == "PRG-TR-04");
        Assert.False(due.GetProperty("overdue").GetBoolean());

        using var set = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{late}/information-talk", new { on = today.AddDays(2).Iso() });
        await set.ExpectAsync(HttpStatusCode.NoContent);
        var after = await staff.Trainer.GetJsonAsync($"/api/v1/participations/{late}");
        Assert.Equal(today.AddDays(2).Iso(), after.GetProperty("informationTalkOn").GetString());
        Assert.DoesNotContain(after.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("rule").GetString() == "PRG-TR-04");
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public async Task PRGTR05_the_referral_ends_after_12_months_and_is_extended_only_with_a_reason()
    {
        var (staff, id, agency, _) = await CoachingAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        var (p, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        var end = today.AddMonths(12).AddDays(-1);
        Assert.Equal(end.Iso(), (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}")).GetProperty("referralEndsOn").GetString());

        using var noReason = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/extension", new { until = end.AddMonths(3).Iso() });
        await noReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-05"], await noReason.ReadViolatedRulesAsync());

        using var ok = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/extension", new { until = end.AddMonths(3).Iso(), reason = "Ausbildung beginnt später" });
        await ok.ExpectAsync(HttpStatusCode.NoContent);
        var after = await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}");
        Assert.Equal(end.AddMonths(3).Iso(), after.GetProperty("referralEndsOn").GetString());
        Assert.Equal("Ausbildung beginnt später", after.GetProperty("extensionReason").GetString());
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public async Task PRGLO02_a_booking_beyond_the_hour_cap_is_refused_and_PRGLO01_no_module_before_the_Einstiegsphase()
    {
        var (staff, p) = await BudgetAsync();
        using var _s = staff;
        var today = factory.BerlinToday();

        using var tooEarly = await staff.Trainer.BookAsync(p, "qualification", today.AddDays(-10), 4);
        await tooEarly.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-01"], await tooEarly.ReadViolatedRulesAsync());

        for (var day = -14; day <= -10; day++)
        {
            using var booked = await staff.Trainer.BookAsync(p, "entry", today.AddDays(day), 8);
            await booked.ExpectAsync(HttpStatusCode.Created);
        }

        using var overCap = await staff.Trainer.BookAsync(p, "entry", today.AddDays(-9), 10);
        await overCap.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-02"], await overCap.ReadViolatedRulesAsync());

        var usage = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}")).GetProperty("modules").EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "entry");
        Assert.Equal(40m, usage.GetProperty("hoursUsed").GetDecimal());

        using var toCap = await staff.Trainer.BookAsync(p, "entry", today.AddDays(-9), 8);
        await toCap.ExpectAsync(HttpStatusCode.Created);
        var warning = Assert.Single((await toCap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray());
        Assert.Equal("PRG-LO-02", warning.GetProperty("rule").GetString());
    }

    [Fact]
    [Trait("Rule", "PRG-LO-03")]
    public async Task PRGLO03_the_invoice_PDF_lists_hours_times_rate_per_module()
    {
        var (staff, p) = await BudgetAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        (await staff.Trainer.BookAsync(p, "entry", today.AddDays(-12), 6)).Dispose();
        (await staff.Trainer.BookAsync(p, "entry", today.AddDays(-11), 4)).Dispose();
        (await staff.Trainer.BookAsync(p, "qualification", today.AddDays(-5), 8)).Dispose();

        using var response = await staff.Trainer.GetAsync($"/api/v1/participations/{p}/invoice?from={today.AddDays(-30).Iso()}&to={today.Iso()}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(page => page.GetWords()).Select(w => w.Text));
        Assert.Contains("Einstiegsphase 10 58,50 € 585,00 €", text);
        Assert.Contains("Qualifizierungsphase 8 58,50 € 468,00 €", text);
        Assert.Contains("Gesamtbetrag 1.053,00 €", text);
        Assert.Contains("Schneider", text);
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_staff_of_another_provider_do_not_see_a_programme()
    {
        var (staff, id, _, _) = await CoachingAsync();
        using var _s = staff;
        using var otherStaff = await factory.ProgrammeStaffAsync();
        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(other.CaseworkerA);

        using var byCaseworker = await caseworker.GetAsync($"/api/v1/programmes/{id}");
        Assert.True(byCaseworker.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        using var byOtherLead = await otherStaff.Lead.GetAsync($"/api/v1/programmes/{id}");
        await byOtherLead.ExpectAsync(HttpStatusCode.NotFound);
        using var referral = await otherStaff.Trainer.PostAsJsonAsync($"/api/v1/programmes/{id}/referrals", new { clientId = Guid.NewGuid(), referringBodyId = Guid.NewGuid(), legalSphere = "SGB3", firstContactOn = factory.BerlinToday().Iso() });
        await referral.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-08")]
    public async Task PRGTR08_a_recorded_job_start_is_counted_as_a_placement_and_the_outcome_report_counts_entries_per_referring_body()
    {
        var (staff, id, agency, jobcenter) = await CoachingAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        var (placed, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today.AddDays(-3));
        await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today.AddDays(-2));
        await staff.Trainer.ReferOkAsync(id, jobcenter, "SGB2", today.AddDays(-1));

        using var started = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{placed}/job-start",
            new { on = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kind = "employment" });
        await started.ExpectAsync(HttpStatusCode.NoContent);

        var participation = await staff.Trainer.GetJsonAsync($"/api/v1/participations/{placed}");
        Assert.Equal("employment", participation.GetProperty("placementKind").GetString());
        var rows = (await staff.Trainer.GetJsonAsync($"/api/v1/programmes/{id}/outcome-report?year={today.Year}")).GetProperty("rows").EnumerateArray().ToList();
        var byAgency = Assert.Single(rows, r => r.GetProperty("referringBodyId").GetString() == agency);
        Assert.Equal(2, byAgency.GetProperty("entries").GetInt32());
        Assert.Equal(1, byAgency.GetProperty("employments").GetInt32());
        var byJobcenter = Assert.Single(rows, r => r.GetProperty("referringBodyId").GetString() == jobcenter);
        Assert.Equal(1, byJobcenter.GetProperty("entries").GetInt32());
        Assert.Equal(0, byJobcenter.GetProperty("employments").GetInt32());
    }
}
