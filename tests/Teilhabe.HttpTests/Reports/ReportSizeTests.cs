using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using UglyToad.PdfPig;

namespace Teilhabe.HttpTests.Reports;

/// <summary>Issue 22: a report embeds the reduced fonts, not the whole DejaVu files (REP-03), on SQLite and PostgreSQL.</summary>
public sealed class ReportSizeTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string Sentence = "Beratung zur Größe des Arbeitsplatzes „Lager Süd“ – Kosten 1.200 € → Antrag nach § 49 SGB IX; "
        + "Gespräch mit Frau Weiß über Maßnahmen für die Übergangszeit.";

    private static string Repeat(int times) => string.Join(" ", Enumerable.Repeat(Sentence, times));

    [Fact]
    [Trait("Rule", "REP-03")]
    public async Task REP03_a_three_page_report_is_at_most_150_KB_and_its_umlaut_text_stays_searchable()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        await caseworker.PatchOkAsync(id, new { concern = Repeat(20), plannedContents = Repeat(28) });

        using var generated = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/reports", new { kind = "InitialCounselling" });
        await generated.ExpectAsync(HttpStatusCode.Created);
        var report = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var download = await caseworker.GetAsync($"/api/v1/reports/{report}");
        await download.ExpectAsync(HttpStatusCode.OK);
        var pdf = await download.Content.ReadAsByteArrayAsync();

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        Assert.True(pdf.Length <= 150 * 1024, $"Der Bericht hat {pdf.Length} Bytes.");
        var text = string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("BeratungzurGrößedesArbeitsplatzes„LagerSüd“–Kosten1.200€→Antragnach§49SGBIX;", text, StringComparison.Ordinal);
        Assert.Contains("GesprächmitFrauWeißüberMaßnahmenfürdieÜbergangszeit.", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', text);
    }
}
