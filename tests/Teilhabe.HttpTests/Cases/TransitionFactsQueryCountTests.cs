using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// Issue 20: the next-step checks of PH-GEN-01 come from one set of facts loaded in a few statements, however much
/// lies behind each fact. The check of a case whose client has other cases (a Qualifizierte Beratung, an InA P3),
/// the same person at another IFD (a P2 and an InA case there), an employer that is an Inklusionsbetrieb with an approved
/// application, documents, a Wiedereingliederung LEK paid by a health insurer and a contact on that topic, and an
/// additional statement with its main case, is measured as GET …/transitions/{phase}/check less the same request
/// refused before the case is read (sign-in and session cost the same in both).
/// </summary>
public sealed class TransitionFactsQueryCountTests(TeilhabeFactory factory, ITestOutputHelper output) : IClassFixture<TeilhabeFactory>
{
    /// <summary>What the check endpoint reads before the facts: the case with its history, agreements and deputies, and the read audit.</summary>
    private const int CaseRead = 5;

    /// <summary>
    /// The facts: the client with proofs, disabilities and employment; the document kinds with the InA funders; every
    /// scalar fact of the user's scope; the lookups past the tenant filter (same person at the other IFDs,
    /// Inklusionsbetrieb). Catalogue lookups come from the cache. Before issue 20 they took about 17 statements.
    /// </summary>
    private const int Facts = 4;

    private const int CheckBound = CaseRead + Facts;

    private static readonly string[] ReintegrationTopic = ["reintegration"];

    [Fact]
    [Trait("Rule", "PH-GEN-01")]
    public async Task PHGEN01_the_phase_check_reads_its_facts_in_a_few_statements_whatever_lies_behind_them()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var caseworkerB = await factory.LoginAsync(tenant.CaseworkerB!);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var insurer = await caseworker.CreateFunderAsync(factory, "HealthInsurance");
        using (var release = await coordinator.PostAsJsonAsync($"/api/v1/funders/{insurer}/releases", new { serviceId = tenant.ServiceA }))
        {
            Assert.True(release.IsSuccessStatusCode, await release.Content.ReadAsStringAsync());
        }

        var name = factory.Unique("Faktenreich");

        // The same person at IFD B: a Qualifizierte Beratung in P2 and an InA Sicherung (P1).
        var personB = await PersonAsync(caseworkerB, name);
        await MoveOkAsync(caseworkerB, await CounsellingAsync(caseworkerB, personB), "P2");
        await InaSicherungAsync(caseworkerB, personB, ina);

        // At IFD A: the client had a counselling (P2) and an InA P3 in other cases, and now works for an Inklusionsbetrieb.
        var client = await PersonAsync(caseworker, name);
        var counselling = await CounsellingAsync(caseworker, client);
        using (var agreement = await caseworker.PostAsJsonAsync($"/api/v1/cases/{counselling}/agreements", new { kind = "P2-renewal", agreedOn = factory.Today(), agreedWith = "Frau Koordinatorin" }))
        {
            Assert.True(agreement.IsSuccessStatusCode, await agreement.Content.ReadAsStringAsync());
        }

        await MoveOkAsync(caseworker, counselling, "P2");
        await MoveOkAsync(caseworker, await InaSicherungAsync(caseworker, client, ina), "P3");

        using (var company = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Inklusionsbetrieb"), kind = "inclusion-company", providerId = tenant.ProviderId }))
        {
            var institution = await company.ReadCreatedIdAsync();
            using var job = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "employed", from = factory.Today(), institutionId = institution });
            await job.ExpectAsync(HttpStatusCode.Created);
        }

        // The measured case: an InA Sicherung with documents, an approved Inklusionsbetrieb application, a
        // Wiedereingliederung LEK with a health insurer as funder and a personal contact with the client on that topic.
        var main = await InaSicherungAsync(caseworker, client, ina);
        using (var applied = await caseworker.PostAsJsonAsync($"/api/v1/cases/{main}/inclusion-company-applications", new { need = "Begleitung bei Konflikten mit Kollegen über § 217 hinaus." }))
        {
            var application = await applied.ReadCreatedIdAsync();
            using var approved = await coordinator.PostAsJsonAsync($"/api/v1/cases/{main}/inclusion-company-applications/{application}/decision", new { approved = true, note = "Bedarf besteht." });
            await approved.ExpectAsync(HttpStatusCode.OK);
        }

        string lek;
        using (var outcome = await caseworker.PostAsJsonAsync($"/api/v1/cases/{main}/outcomes", new { outcomeCode = "reintegration", serviceFunderId = insurer }))
        {
            lek = await outcome.ReadCreatedIdAsync();
        }

        using (var contact = await caseworker.PostAsJsonAsync($"/api/v1/cases/{main}/contacts", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            form = "personal",
            keywords = "Stufenweise Wiedereingliederung",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note = "Plan der Wiedereingliederung besprochen.",
            topicCodes = ReintegrationTopic,
            outcomeIds = new[] { lek },
        }))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        // An additional statement of the main case (PH-FDS-05 reads the main case's care type and legal basis).
        var extra = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });

        var (mainCost, mainRules) = await CheckCostAsync(caseworker, main, "P3");
        var (extraCost, _) = await CheckCostAsync(caseworker, extra, "FP4");

        // The facts were there to read: the earlier InA P3 asks for agreement, the approved application lets the Inklusionsbetrieb pass.
        Assert.Contains("PH-P3-04", mainRules);
        Assert.DoesNotContain("BA-IB-01", mainRules);
        Assert.True(mainCost <= CheckBound, $"the check of the InA Sicherung read its facts in {mainCost} statements (bound {CheckBound})");
        Assert.True(extraCost <= CheckBound, $"the check of the additional statement read its facts in {extraCost} statements (bound {CheckBound})");
    }

    /// <summary>The statements of one check beyond those of the same request refused before it reads the case.</summary>
    private async Task<(int Cost, List<string> Rules)> CheckCostAsync(HttpClient caseworker, string caseId, string phase)
    {
        // Warm: the catalogue cache and the session are loaded once, not per check.
        using (var warm = await caseworker.GetAsync($"/api/v1/cases/{caseId}/transitions/{phase}/check"))
        {
            await warm.ExpectAsync(HttpStatusCode.OK);
        }

        var refused = await factory.Sql.MeasureAsync(async () =>
        {
            using var response = await caseworker.GetAsync($"/api/v1/cases/{caseId}/transitions/P9/check");
            await response.ExpectAsync(HttpStatusCode.BadRequest);
        });
        var (check, checkedSql) = await factory.Sql.MeasureAsync(async () =>
        {
            using var response = await caseworker.GetAsync($"/api/v1/cases/{caseId}/transitions/{phase}/check");
            await response.ExpectAsync(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        });
        List<string> rules = [.. check.GetProperty("violations").EnumerateArray().Concat(check.GetProperty("warnings").EnumerateArray()).Select(v => v.GetProperty("rule").GetString()!)];
        output.WriteLine($"check {phase}: {checkedSql.Count} statements, refused request: {refused.Count}");
        output.WriteLine($"rules: {string.Join(", ", rules)}");
        output.WriteLine(checkedSql.Describe());
        return (checkedSql.Count - refused.Count, rules);
    }

    private static async Task MoveOkAsync(HttpClient caseworker, string caseId, string to)
    {
        using var moved = await caseworker.MoveAsync(caseId, new { to });
        await moved.ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<string> PersonAsync(HttpClient caseworker, string lastName)
    {
        var id = await caseworker.CreateClientAsync(lastName, "Vera");
        using var notice = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2024-01-10", degree = 50 });
        await notice.ExpectAsync(HttpStatusCode.Created);
        using var disability = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disabilities", new { categoryCode = "mental", description = "Depression" });
        await disability.ExpectAsync(HttpStatusCode.Created);
        using var job = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/employment-situations", new { kindCode = "employed", from = "2019-04-01" });
        await job.ExpectAsync(HttpStatusCode.Created);
        return id;
    }

    private async Task<string> CounsellingAsync(HttpClient caseworker, string client)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });
        return id;
    }

    private async Task<string> InaSicherungAsync(HttpClient caseworker, string client, string ina)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        return id;
    }
}
