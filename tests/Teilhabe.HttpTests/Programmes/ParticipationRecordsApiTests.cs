using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using UglyToad.PdfPig;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>PRG-LO-04/05/06: reflection talks, module goals, ICF items and the final report over the API.</summary>
public sealed class ParticipationRecordsApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(ProgrammeApi.Staff Staff, string ParticipationId)> BudgetAsync()
    {
        var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe Trier-Saarburg"));
        var id = await staff.CreateProgrammeAsync("modular-qualification", 20, eh);
        var (participation, _) = await staff.Trainer.ReferOkAsync(id, eh, "SGB9", factory.BerlinToday().AddDays(-20));
        return (staff, participation);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-04")]
    public async Task PRGLO04_a_reflection_talk_is_recorded_and_listed_on_the_participation()
    {
        var (staff, p) = await BudgetAsync();
        using var _s = staff;
        var today = factory.BerlinToday();

        using var created = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/reflections",
            new { on = today.AddDays(-1).Iso(), selfRating = 4, criticism = "Zu wenig Praxis", notes = "Praktikum ab nächstem Monat" });
        await created.ExpectAsync(HttpStatusCode.Created);
        using var refused = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/reflections", new { on = today.Iso(), selfRating = 7 });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-04"], await refused.ReadViolatedRulesAsync());

        var talk = Assert.Single((await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}")).GetProperty("reflections").EnumerateArray());
        Assert.Equal(4, talk.GetProperty("selfRating").GetInt32());
        Assert.Equal("Zu wenig Praxis", talk.GetProperty("criticism").GetString());
        Assert.Single((await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}/reflections")).EnumerateArray());
    }

    [Fact]
    [Trait("Rule", "PRG-LO-05")]
    public async Task PRGLO05_goal_achievement_is_documented_per_module_and_listed()
    {
        var (staff, p) = await BudgetAsync();
        using var _s = staff;

        using var created = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/module-goals",
            new { moduleCode = "entry", goal = "Tagesstruktur aufbauen", achievement = "partly-achieved" });
        await created.ExpectAsync(HttpStatusCode.Created);
        using var refused = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/module-goals",
            new { moduleCode = "entry", goal = "x", achievement = "done" });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-05"], await refused.ReadViolatedRulesAsync());

        var goal = Assert.Single((await staff.Trainer.GetJsonAsync($"/api/v1/participations/{p}/module-goals")).EnumerateArray());
        Assert.Equal("entry", goal.GetProperty("moduleCode").GetString());
        Assert.Equal("partly-achieved", goal.GetProperty("achievement").GetString());
    }

    [Fact]
    [Trait("Rule", "PRG-LO-06")]
    public async Task PRGLO06_the_final_report_PDF_has_the_three_ICF_sections_with_items_and_qualifiers()
    {
        var (staff, p) = await BudgetAsync();
        using var _s = staff;
        foreach (var (component, code, description, qualifier) in new[]
        {
            ("b", "b130", "Energie und Antrieb", 2),
            ("d", "d845", "Eine Arbeitsstelle erhalten", 3),
            ("e", "e330", "Unterstützung durch Vorgesetzte", 1),
        })
        {
            using var item = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/icf-items", new { component, code, description, qualifier });
            await item.ExpectAsync(HttpStatusCode.Created);
        }

        using var refused = await staff.Trainer.PostAsJsonAsync($"/api/v1/participations/{p}/icf-items",
            new { component = "d", code = "d845", description = "x", qualifier = 9 });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PRG-LO-06"], await refused.ReadViolatedRulesAsync());

        using var response = await staff.Trainer.GetAsync($"/api/v1/participations/{p}/final-report");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(page => page.GetWords()).Select(w => w.Text));
        Assert.Contains("Körperfunktionen (b)", text);
        Assert.Contains("Aktivitäten und Teilhabe (d)", text);
        Assert.Contains("Umweltfaktoren (e)", text);
        Assert.Contains("d845", text);
        Assert.Contains("3 – erhebliches Problem", text);
    }
}
