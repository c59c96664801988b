using System.Net;
using System.Text;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Statistics;

/// <summary>STAT-03: the statistics pages for leads and InA, their downloads, and who may not see them.</summary>
public sealed class StatisticsPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task STAT03_the_page_shows_tables_and_charts_and_offers_CSV_and_XLSX_with_the_cookie_sign_in()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var lead = await factory.SignInToPagesAsync(tenant.LeadA);

        using var page = await lead.GetAsync("/statistik?year=2025");
        await page.ExpectAsync(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg class=\"bar-chart\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"diagramm-1-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Beauftragung (P3)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Bestand am 31.12.2024", html, StringComparison.Ordinal);
        Assert.Contains("handler=csv&amp;year=2025", html, StringComparison.Ordinal);

        using var csv = await lead.GetAsync("/statistik?handler=csv&year=2025&public=true");
        await csv.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Veröffentlichung (kleine Werte unterdrückt);ja", text, StringComparison.Ordinal);
        Assert.Contains("groups.P3;Beauftragung (P3);entries;Zugänge;–;–;–;–;–", text, StringComparison.Ordinal);

        using var xlsx = await lead.GetAsync("/statistik?handler=xlsx&year=2025");
        await xlsx.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        using var quality = await lead.GetAsync("/statistik/datenqualitaet");
        await quality.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Datenqualität je Fachkraft", await quality.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = await lead.GetAsync($"/statistik?serviceId={tenant.ServiceB}");
        await foreign.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task STAT03_caseworkers_are_refused_the_statistics_pages()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        foreach (var path in new[] { "/statistik", "/statistik/datenqualitaet", "/statistik?handler=csv" })
        {
            using var response = await caseworker.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("zugriff-verweigert", StringComparison.Ordinal) == true,
                $"{path}: {response.StatusCode} {response.Headers.Location}");
        }
    }
}
