using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using UglyToad.PdfPig;

namespace Teilhabe.HttpTests.Clients;

/// <summary>GDPR Art. 15: GET /api/v1/clients/{id}/export (API.md "Data protection"), audited as ACC-09 requires.</summary>
public sealed class ClientExportTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_the_Art_15_export_holds_everything_about_the_person_and_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var lastName = factory.Unique("Auskunft");
        var clientId = await caseworker.CreateClientAsync(lastName: lastName);
        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        var outcome = await caseworker.CreateOutcomeAsync(caseId);
        using (var contact = await caseworker.RecordContactAsync(caseId, ContactApi.OnDay(factory.BerlinToday()), [outcome]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using var uploaded = await caseworker.UploadAsync(caseId, "Other");
        var documentId = await uploaded.ReadCreatedIdAsync();

        using var response = await caseworker.GetAsync($"/api/v1/clients/{clientId}/export");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);

        string json;
        using (var reader = new StreamReader(zip.GetEntry("person.json")!.Open(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync();
        }

        Assert.Contains(lastName, json, StringComparison.Ordinal);
        Assert.Contains("Vereinbart: nächster Termin in zwei Wochen.", json, StringComparison.Ordinal);
        var file = Assert.Single(zip.Entries, e => e.FullName.StartsWith($"documents/{documentId}", StringComparison.Ordinal));
        using (var stream = new MemoryStream())
        {
            await using (var s = file.Open())
            {
                await s.CopyToAsync(stream);
            }

            Assert.Equal(CaseApi.SmallPdf, stream.ToArray());
        }

        byte[] pdf;
        using (var stream = new MemoryStream())
        {
            await using (var s = zip.GetEntry("summary.pdf")!.Open())
            {
                await s.CopyToAsync(stream);
            }

            pdf = stream.ToArray();
        }

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(lastName, text, StringComparison.Ordinal);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export" && a.ClientId == Guid.Parse(clientId) && a.UserId == tenant.CaseworkerA.Id));
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_InA_coordination_and_another_IFD_get_no_export()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync(lastName: factory.Unique("Auskunft"));
        await caseworker.CreateCaseAsync(new { clientId });

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var refused = await coordinator.GetAsync($"/api/v1/clients/{clientId}/export");
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        using var foreign = await factory.LoginAsync(tenant.CaseworkerB!);
        using var notFound = await foreign.GetAsync($"/api/v1/clients/{clientId}/export");
        await notFound.ExpectAsync(HttpStatusCode.NotFound);

        using var lead = await factory.LoginAsync(tenant.LeadA);
        using var ok = await lead.GetAsync($"/api/v1/clients/{clientId}/export");
        await ok.ExpectAsync(HttpStatusCode.OK);
    }
}
