using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Coordination;

/// <summary>TR-02 for a person with further cases at the sending IFD: closed ones stay, open ones move together.</summary>
public sealed class TransferWithFurtherCasesTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static async Task<HttpResponseMessage> UploadReleaseAsync(HttpClient client, string requestId)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(CaseApi.SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "entbindung.pdf");
        return await client.PostAsync($"/api/v1/transfer-requests/{requestId}/confidentiality-release", form);
    }

    private async Task<string> CaseWithContactAsync(HttpClient caseworker, object body)
    {
        var id = await caseworker.CreateCaseAsync(body);
        var lek = await caseworker.CreateOutcomeAsync(id);
        using var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-30), [lek]);
        await contact.ExpectAsync(HttpStatusCode.Created);
        return id;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    [Trait("Rule", "TR-02")]
    public async Task TR02_a_closed_case_stays_readable_at_the_sending_IFD_and_the_persons_second_open_case_moves_with_everything()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworkerA = await factory.LoginAsync(tenant.CaseworkerA);
        using var leadB = await factory.LoginAsync(tenant.LeadB!);
        using var caseworkerB = await factory.LoginAsync(tenant.CaseworkerB!);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var client = await caseworkerA.CreateClientAsync(factory.Unique("Mehrfach"));
        var ina = await caseworkerA.CreateFunderAsync(factory, "IntegrationOffice");

        var closed = await CaseWithContactAsync(caseworkerA, new { clientId = client });
        using (var close = await caseworkerA.MoveAsync(closed, new { to = "P4", reasonCode = "no-further-need" }))
        {
            await close.ExpectAsync(HttpStatusCode.OK);
        }

        var first = await CaseWithContactAsync(caseworkerA, new { clientId = client, careTypeCode = "retention", funderId = ina });
        await caseworkerA.UploadOkAsync(first, "DisabilityProof");
        var second = await CaseWithContactAsync(caseworkerA, new { clientId = client, careTypeCode = "placement", funderId = ina });
        string secondDocument;
        using (var upload = await caseworkerA.UploadAsync(second, "Other"))
        {
            secondDocument = await upload.ReadCreatedIdAsync();
        }

        var secondNumber = (await caseworkerA.GetJsonAsync($"/api/v1/cases/{second}")).GetProperty("caseNumber").GetString()!;

        // The case page's transfer form names the case that moves along.
        using (var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA))
        {
            var html = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{first}/koordination"));
            Assert.Contains("weiteren offenen Aufträge der Person", html, StringComparison.Ordinal);
            Assert.Contains(secondNumber, html, StringComparison.Ordinal);
            Assert.Contains("Ein abgeschlossener Auftrag bleibt", html, StringComparison.Ordinal);
        }

        using var requested = await caseworkerA.PostAsJsonAsync($"/api/v1/cases/{first}/transfer-requests", new { serviceId = tenant.ServiceB });
        var requestId = await requested.ReadCreatedIdAsync();
        using (var again = await caseworkerA.PostAsJsonAsync($"/api/v1/cases/{second}/transfer-requests", new { serviceId = tenant.ServiceB }))
        {
            await again.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TR-02"], await again.ReadViolatedRulesAsync());
        }

        using (var release = await UploadReleaseAsync(leadB, requestId))
        {
            await release.ExpectAsync(HttpStatusCode.Created);
        }

        using (var confirmed = await coordinator.PostAsync($"/api/v1/cases/{first}/transfer-confirmations", null))
        {
            await confirmed.ExpectAsync(HttpStatusCode.OK);
        }

        using (var moved = await caseworkerB.PostAsJsonAsync($"/api/v1/cases/{first}/transfer", new { serviceId = tenant.ServiceB }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        // The sending IFD keeps the closed case with the person's record, and nothing of the moved ones.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caseworkerA, $"/api/v1/cases/{closed}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caseworkerA, $"/api/v1/clients/{client}"));
        Assert.Equal(1, (await caseworkerA.GetJsonAsync($"/api/v1/cases/{closed}/contacts")).GetArrayLength());
        Assert.Contains((await caseworkerA.GetJsonAsync($"/api/v1/cases/{closed}/documents")).EnumerateArray(), d => d.GetProperty("kind").GetString() == "DisabilityProof");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(caseworkerA, $"/api/v1/cases/{first}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(caseworkerA, $"/api/v1/cases/{second}"));

        // The receiving IFD has both open cases with their contacts, documents and LEK, and its copy of the record.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(caseworkerB, $"/api/v1/cases/{closed}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(caseworkerB, $"/api/v1/clients/{client}"));
        var firstMoved = await caseworkerB.GetJsonAsync($"/api/v1/cases/{first}");
        var secondMoved = await caseworkerB.GetJsonAsync($"/api/v1/cases/{second}");
        var copy = firstMoved.GetProperty("clientId").GetString()!;
        Assert.NotEqual(client, copy);
        Assert.Equal(copy, secondMoved.GetProperty("clientId").GetString());
        Assert.Equal(tenant.CaseworkerB!.Id, secondMoved.GetProperty("caseworkerId").GetString());
        Assert.True(secondMoved.GetProperty("noticeRenewalRequired").GetBoolean());
        Assert.NotEqual(firstMoved.GetProperty("caseNumber").GetString(), secondMoved.GetProperty("caseNumber").GetString());
        Assert.StartsWith("Mehrfach", (await caseworkerB.GetJsonAsync($"/api/v1/clients/{copy}")).GetProperty("lastName").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await caseworkerB.GetJsonAsync($"/api/v1/cases/{first}/contacts")).GetArrayLength());
        Assert.Equal(1, (await caseworkerB.GetJsonAsync($"/api/v1/cases/{second}/contacts")).GetArrayLength());
        Assert.Equal(1, (await caseworkerB.GetJsonAsync($"/api/v1/cases/{second}/outcomes")).GetArrayLength());
        Assert.Contains((await caseworkerB.GetJsonAsync($"/api/v1/cases/{second}/documents")).EnumerateArray(), d => d.GetProperty("id").GetString() == secondDocument);
        var proof = (await caseworkerB.GetJsonAsync($"/api/v1/cases/{first}/documents")).EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "DisabilityProof");
        using (var download = await caseworkerB.GetAsync($"/api/v1/documents/{proof.GetProperty("id").GetString()}"))
        {
            await download.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(CaseApi.SmallPdf, await download.Content.ReadAsByteArrayAsync());
        }

        var listed = (await caseworkerB.GetJsonAsync($"/api/v1/cases?clientId={copy}")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { first, second }, listed);
    }
}
