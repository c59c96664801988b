using System.Net;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>PH-FDS-04 on the case page: the return to FP5 because the client refuses goes through a review page first.</summary>
public sealed class PurgeReviewPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "PH-FDS-04")]
    public async Task PHFDS04_the_review_page_lists_the_contact_and_documents_to_be_removed_and_removes_them_only_on_confirmation()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-ina" });
        await caseworker.UploadOkAsync(id, "WrittenCommission");
        using (var release = await caseworker.UploadAsync(id, "ConfidentialityRelease", fileName: "schweigepflicht.pdf"))
        {
            await release.ExpectAsync(HttpStatusCode.Created);
        }

        var lek = await caseworker.CreateOutcomeAsync(id);
        using (var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var page = $"/faelle/{id}";
        var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(page));
        Task<HttpResponseMessage> MoveAsync(bool confirmed)
        {
            var fields = new Dictionary<string, string> { ["Move.To"] = "FP5", ["Move.ReasonCode"] = "client-refuses", ["__RequestVerificationToken"] = token };
            if (confirmed)
            {
                fields["confirmed"] = "true";
            }

            return pages.PostAsync(page + "?handler=Move", new FormUrlEncodedContent(fields));
        }

        using (var review = await MoveAsync(confirmed: false))
        {
            await review.ExpectAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync());
            Assert.Contains("Bitte prüfen und bestätigen", html, StringComparison.Ordinal);
            Assert.Contains("Kontakt vom ", html, StringComparison.Ordinal);
            Assert.Contains("Dokument schweigepflicht.pdf", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dokument scan.pdf", html, StringComparison.Ordinal);
            Assert.Contains("Zurückgeben und endgültig löschen", html, StringComparison.Ordinal);
        }

        Assert.Equal("FP1", await caseworker.PhaseOfAsync(id));
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
        Assert.Contains("ConfidentialityRelease", await KindsAsync());

        using (var confirmed = await MoveAsync(confirmed: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        Assert.Equal("FP5", await caseworker.PhaseOfAsync(id));
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
        Assert.Equal(["WrittenCommission"], await KindsAsync());

        async Task<List<string?>> KindsAsync()
            => [.. (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray().Select(d => d.GetProperty("kind").GetString())];
    }
}
