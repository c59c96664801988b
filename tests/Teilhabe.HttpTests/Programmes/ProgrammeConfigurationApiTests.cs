using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>Issue 9: the ProgrammeLead configures modules and coaching numbers; rules read the programme's own data.</summary>
public sealed class ProgrammeConfigurationApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static async Task<(JsonObject Body, string ETag)> SettingsAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/v1/programmes/{id}/settings");
        await response.ExpectAsync(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (body, response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }

    private static object SettingsBody(JsonObject s, int referralMonths, int informationTalkDays, int? maxExtensionMonths = null) => new
    {
        name = s["name"]!.GetValue<string>(),
        yearlyPlaces = s["yearlyPlaces"]!.GetValue<int>(),
        sites = s["sites"]!.AsArray().Select(x => new { name = x!["name"]!.GetValue<string>(), places = x["places"]!.GetValue<int>(), accessibilityNote = "Aufzug" }).ToList(),
        referringBodyIds = s["referringBodyIds"]!.AsArray().Select(x => x!.GetValue<string>()).ToList(),
        referralMonths,
        informationTalkDays,
        maxExtensionMonths,
        aftercareMonths = (int?)6,
    };

    private static List<JsonObject> Modules(JsonObject s) => [.. s["modules"]!.AsArray().Select(m => m!.AsObject().DeepClone().AsObject())];

    private async Task<(ProgrammeApi.Staff Staff, string ProgrammeId, string Body)> ModularAsync()
    {
        var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe Trier"));
        return (staff, await staff.CreateProgrammeAsync("modular-qualification", 20, eh), eh);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public async Task PRGLO02_after_the_lead_lowered_a_module_cap_a_booking_above_the_new_cap_is_refused()
    {
        var (staff, id, eh) = await ModularAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        var (participation, _) = await staff.Trainer.ReferOkAsync(id, eh, "SGB9", today.AddDays(-10));
        using (var first = await staff.Trainer.BookAsync(participation, "entry", today.AddDays(-8), 8))
        {
            await first.ExpectAsync(HttpStatusCode.Created);
        }

        var (settings, etag) = await SettingsAsync(staff.Lead, id);
        Assert.Equal(48m, settings["modules"]![0]!["hourCap"]!.GetValue<decimal>());
        Assert.True(settings["modules"]![0]!["entry"]!.GetValue<bool>());
        var modules = Modules(settings);
        modules[0]["hourCap"] = 12m;
        using (var changed = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/modules", new { modules }, etag))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
            Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        }

        using var above = await staff.Trainer.BookAsync(participation, "entry", today.AddDays(-7), 5);
        await above.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-02"], await above.ReadViolatedRulesAsync());
        using var within = await staff.Trainer.BookAsync(participation, "entry", today.AddDays(-7), 4);
        await within.ExpectAsync(HttpStatusCode.Created);

        var programme = await staff.Trainer.GetJsonAsync($"/api/v1/programmes/{id}");
        Assert.Equal(12m, programme.GetProperty("modules")[0].GetProperty("hourCap").GetDecimal());
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public async Task PRGLO01_a_module_with_bookings_is_retired_not_deleted_and_a_new_module_can_be_added()
    {
        var (staff, id, eh) = await ModularAsync();
        using var _s = staff;
        var today = factory.BerlinToday();
        var (participation, _) = await staff.Trainer.ReferOkAsync(id, eh, "SGB9", today.AddDays(-10));
        using (var first = await staff.Trainer.BookAsync(participation, "entry", today.AddDays(-8), 8))
        {
            await first.ExpectAsync(HttpStatusCode.Created);
        }

        var (settings, etag) = await SettingsAsync(staff.Lead, id);
        var withoutEntry = Modules(settings).Skip(1).ToList();
        using (var deleted = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/modules", new { modules = withoutEntry }, etag))
        {
            await deleted.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-LO-01"], await deleted.ReadViolatedRulesAsync());
        }

        var modules = Modules(settings);
        modules.First(m => m["code"]!.GetValue<string>() == "transition")["retired"] = true;
        modules.Add(new JsonObject
        {
            ["code"] = "bewerbung",
            ["label"] = "Bewerbungstraining",
            ["minDuration"] = 0,
            ["maxDuration"] = 8,
            ["durationUnit"] = "weeks",
            ["hourCap"] = 16m,
            ["bookable"] = true,
            ["hourlyRate"] = 55m,
        });
        using (var ok = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/modules", new { modules }, etag))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        using var retired = await staff.Trainer.BookAsync(participation, "transition", today.AddDays(-7), 2);
        await retired.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-01"], await retired.ReadViolatedRulesAsync());
        using var added = await staff.Trainer.BookAsync(participation, "bewerbung", today.AddDays(-7), 2);
        await added.ExpectAsync(HttpStatusCode.Created);
        using var overAdded = await staff.Trainer.BookAsync(participation, "bewerbung", today.AddDays(-6), 15);
        Assert.Equal(["PRG-LO-02"], await overAdded.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public async Task PRGTR04_a_changed_information_talk_deadline_moves_the_deadline_entry()
    {
        var staff = await factory.ProgrammeStaffAsync();
        using var _s = staff;
        var agency = await staff.Lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit Trier"));
        var id = await staff.CreateProgrammeAsync("coaching", 150, agency);
        var firstContact = factory.BerlinToday().AddDays(-1);

        var (settings, etag) = await SettingsAsync(staff.Lead, id);
        Assert.Equal(7, settings["parameters"]!["informationTalkDays"]!.GetValue<int>());
        using (var changed = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 12, 3), etag))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        var (participation, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", firstContact);
        var deadline = (await staff.Trainer.GetJsonAsync($"/api/v1/participations/{participation}")).GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("rule").GetString() == "PRG-TR-04");
        Assert.Equal(firstContact.AddDays(3), DateOnly.Parse(deadline.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public async Task PRGTR05_a_changed_referral_period_changes_the_referral_end_and_the_extension_limit()
    {
        var staff = await factory.ProgrammeStaffAsync();
        using var _s = staff;
        var agency = await staff.Lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit Trier"));
        var id = await staff.CreateProgrammeAsync("coaching", 150, agency);
        var today = factory.BerlinToday();
        var (before, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);

        var (settings, etag) = await SettingsAsync(staff.Lead, id);
        using (var changed = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 6, 7, maxExtensionMonths: 2), etag))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        var (after, _) = await staff.Trainer.ReferOkAsync(id, agency, "SGB3", today);
        DateOnly EndOf(JsonElement p) => DateOnly.Parse(p.GetProperty("referralEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(today.AddMonths(12).AddDays(-1), EndOf(await staff.Trainer.GetJsonAsync($"/api/v1/participations/{before}")));
        Assert.Equal(today.AddMonths(6).AddDays(-1), EndOf(await staff.Trainer.GetJsonAsync($"/api/v1/participations/{after}")));

        using var tooLong = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{after}/extension",
            new { until = today.AddMonths(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "Ausbildung" });
        await tooLong.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-TR-05"], await tooLong.ReadViolatedRulesAsync());
        using var within = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{after}/extension",
            new { until = today.AddMonths(8).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "Ausbildung" });
        await within.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public async Task PRGTR01_settings_are_validated_versioned_audited_and_only_for_the_lead_of_the_programme()
    {
        var (staff, id, _) = await ModularAsync();
        using var _s = staff;
        var (settings, etag) = await SettingsAsync(staff.Lead, id);

        using (var invalid = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 0, 7), etag))
        {
            await invalid.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PRG-TR-05"], await invalid.ReadViolatedRulesAsync());
        }

        using (var ok = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 12, 7), etag))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
            var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Aufzug", body.GetProperty("sites")[0].GetProperty("accessibilityNote").GetString());
            Assert.Equal(6, body.GetProperty("parameters").GetProperty("aftercareMonths").GetInt32());
        }

        using (var stale = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 12, 5), etag))
        {
            await stale.ExpectAsync(HttpStatusCode.Conflict);
        }

        using (var staleModules = await PutAsync(staff.Lead, $"/api/v1/programmes/{id}/modules", new { modules = Modules(settings) }, etag))
        {
            await staleModules.ExpectAsync(HttpStatusCode.Conflict);
        }

        using (var byTrainer = await PutAsync(staff.Trainer, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 12, 5), null))
        {
            await byTrainer.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using (var trainerModules = await PutAsync(staff.Trainer, $"/api/v1/programmes/{id}/modules", new { modules = Modules(settings) }, null))
        {
            await trainerModules.ExpectAsync(HttpStatusCode.Forbidden);
        }

        var other = await factory.ProgrammeStaffAsync();
        using var _o = other;
        using (var foreign = await PutAsync(other.Lead, $"/api/v1/programmes/{id}/settings", SettingsBody(settings, 12, 5), null))
        {
            await foreign.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var foreignRead = await other.Lead.GetAsync($"/api/v1/programmes/{id}/settings"))
        {
            await foreignRead.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var reasons = await db.AuditEntries.Where(a => a.Entity == "Programme" && a.EntityId == id && a.Action == AuditActions.Update).Select(a => a.Reason).ToListAsync();
        Assert.Contains("settings", reasons);
    }

    [Fact]
    public async Task Programme_templates_list_the_two_built_in_templates_with_their_modules_and_numbers()
    {
        var staff = await factory.ProgrammeStaffAsync();
        using var _s = staff;
        var templates = await staff.Lead.GetJsonAsync("/api/v1/programme-templates");
        Assert.Equal(["coaching", "modular-qualification"], templates.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal(12, templates[0].GetProperty("parameters").GetProperty("referralMonths").GetInt32());
        Assert.Equal(6, templates[1].GetProperty("modules").GetArrayLength());
    }
}
