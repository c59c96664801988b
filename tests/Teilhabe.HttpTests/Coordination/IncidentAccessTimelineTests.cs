using System.Net;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Coordination;

/// <summary>ACC-08 on the timeline page: the notes InA-Koordination sees during an incident access, and only then.</summary>
public sealed class IncidentAccessTimelineTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string Note = "Vereinbart: nächster Termin in zwei Wochen.";
    private const string Keywords = "Gespräch zur Arbeitssituation";

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_without_an_incident_access_the_timeline_shows_InA_the_contact_but_no_note_or_keywords()
    {
        var (tenant, caseworker, id, _) = await IncidentAccessApiTests.CaseWithNotesAsync(factory);
        using var _c = caseworker;
        using var coordinator = await factory.SignInToPagesAsync(tenant.Coordinator);

        using var response = await coordinator.GetAsync($"/faelle/{id}/verlauf");

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kontakt (persönlich)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Keywords, html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_during_an_incident_access_the_timeline_shows_InA_the_note_and_the_read_is_audited_with_the_occasion()
    {
        var (tenant, caseworker, id, _) = await IncidentAccessApiTests.CaseWithNotesAsync(factory);
        using var _c = caseworker;
        const string reason = "Beschwerde des Arbeitgebers vom 02.12.";
        using (var api = await factory.LoginAsync(tenant.Coordinator))
        using (var opened = await api.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason }))
        {
            await opened.ExpectAsync(HttpStatusCode.Created);
        }

        using var coordinator = await factory.SignInToPagesAsync(tenant.Coordinator);
        using var response = await coordinator.GetAsync($"/faelle/{id}/verlauf");

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(Note, html, StringComparison.Ordinal);
        Assert.Contains(Keywords, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kontakt erfassen", html, StringComparison.Ordinal);

        using var admin = await factory.AdminClientAsync();
        var rows = (await admin.GetJsonAsync($"/api/v1/admin/audit?caseId={id}")).EnumerateArray()
            .Where(r => r.GetProperty("userId").GetString() == tenant.Coordinator.Id && r.GetProperty("action").GetString() == "read"
                && r.GetProperty("entity").GetString() == "CaseTimeline").ToList();
        Assert.NotEmpty(rows);
        // The occasion by the access's id; its free-text reason stays in the access row, deleted with the case (DEL-01).
        Assert.All(rows, r => Assert.StartsWith("ACC-08 Anlassbezogene Einsicht ", r.GetProperty("reason").GetString() ?? string.Empty, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(reason, r.GetProperty("reason").GetString() ?? string.Empty, StringComparison.Ordinal));
    }
}
