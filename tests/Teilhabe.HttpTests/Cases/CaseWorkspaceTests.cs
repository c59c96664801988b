using System.Net;
using System.Text;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// Issue 20 over HTTP: the overview stays small however much the case holds, every section has its own address with
/// the navigation marking it, and a refused form answers in its own section.
/// </summary>
public sealed class CaseWorkspaceTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const int OverviewMaxBytes = 60 * 1024;

    public static TheoryData<string, string> Sections => new()
    {
        { "phase", "Phase und Auftraggeber" },
        { "angaben", "Angaben" },
        { "dokumente", "Dokumente" },
        { "berichte", "Berichte und Ziele" },
        { "merkblatt", "Merkblatt und Abstimmungen" },
        { "fristen", "Fristen" },
        { "aufgaben", "IFD-Aufgaben" },
        { "historie", "Phasenverlauf" },
    };

    [Fact]
    public async Task The_overview_of_a_case_with_twenty_contacts_documents_and_deadlines_is_at_most_60_KB()
    {
        var (pages, id) = await BusyCaseAsync();
        using var _ = pages;
        using var response = await pages.GetAsync($"/faelle/{id}");
        await response.ExpectAsync(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));

        Assert.Contains("Letzte Kontakte", html, StringComparison.Ordinal);
        Assert.Contains("Was fehlt für den nächsten Schritt", html, StringComparison.Ordinal);
        Assert.True(bytes.Length <= OverviewMaxBytes, $"the overview is {bytes.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Each_section_has_its_own_address_and_the_navigation_marks_it_as_current(string section, string label)
    {
        var (pages, id) = await BusyCaseAsync();
        using var _ = pages;
        var html = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{id}/{section}"));

        Assert.Contains($"<a href=\"/faelle/{id}/{section}\" aria-current=\"page\">{label}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{label} – Auftrag", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-labelledby=\"letzte-kontakte\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_section_answers_404()
    {
        var (pages, id) = await BusyCaseAsync();
        using var _ = pages;
        using var response = await pages.GetAsync($"/faelle/{id}/irgendwas");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    [Trait("Rule", "PH-GEN-01")]
    public async Task A_refused_phase_change_answers_in_the_phase_section_and_a_saved_Merkblatt_returns_to_its_section()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        using (var refused = await pages.PostFormAsync($"/faelle/{id}?handler=Move", new Dictionary<string, string> { ["Move.To"] = "P2", ["Move.Date"] = string.Empty }))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("PH-P2-01", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/faelle/{id}/phase\" aria-current=\"page\">", html, StringComparison.Ordinal);
            Assert.Contains("id=\"phase-wechseln\"", html, StringComparison.Ordinal);
        }

        using var signed = await pages.PostFormAsync($"/faelle/{id}?handler=Notice", new Dictionary<string, string>
        {
            ["Notice.SignedOn"] = factory.BerlinToday().Iso(),
            ["Notice.Version"] = "2026-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"/faelle/{id}/merkblatt", signed.Headers.Location?.OriginalString);
    }

    /// <summary>An InA Sicherung in P3 with its documents, an LEK and twenty contacts, and the caseworker's page client.</summary>
    private async Task<(HttpClient Pages, string CaseId)> BusyCaseAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        var outcome = await caseworker.CreateOutcomeAsync(id);
        for (var i = 0; i < 20; i++)
        {
            using var contact = await caseworker.RecordContactAsync(id, DateTimeOffset.UtcNow.AddHours(-2 - i), [outcome]);
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        return (await factory.SignInToPagesAsync(tenant.CaseworkerA), id);
    }
}
