using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// PH-P2-04, PH-P3-03, PH-P3-04 across the IFDs of one Integrationsamt: the same person (name and birth date) at
/// another IFD counts, and the caseworker learns nothing of the other IFD beyond "bitte mit der InA-Koordination klären".
/// </summary>
public sealed class ReRegistrationAcrossServicesTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string AskCoordination = "bitte mit der InA-Koordination klären";

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

    /// <summary>A Qualifizierte Beratung without a funder, ready for P2.</summary>
    private static async Task<string> CounsellingAsync(TeilhabeFactory factory, HttpClient caseworker, string client)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });
        return id;
    }

    /// <summary>An InA Sicherung ready for P3.</summary>
    private static async Task<string> InaSicherungAsync(TeilhabeFactory factory, HttpClient caseworker, string client, string ina)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        return id;
    }

    private static async Task<string> InaFunderAsync(HttpClient caseworker)
    {
        using var response = await caseworker.PostAsJsonAsync("/api/v1/funders", new { name = "Integrationsamt " + Guid.NewGuid().ToString("N")[..6], kind = "IntegrationOffice" });
        return await response.ReadCreatedIdAsync();
    }

    private static async Task<List<(string Rule, string Message)>> ViolationsAsync(HttpResponseMessage response)
    {
        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadProblemAsync();
        return [.. problem.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("rule").GetString()!, v.GetProperty("message").GetString()!))];
    }

    private static void TellsNothingOfTheOtherService(string message, string otherCaseNumber, string otherDate)
    {
        Assert.Contains(AskCoordination, message, StringComparison.Ordinal);
        Assert.Contains("einem IFD dieses Integrationsamtes", message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCaseNumber, message, StringComparison.Ordinal);
        Assert.DoesNotContain(German(otherDate), message, StringComparison.Ordinal);
        Assert.DoesNotContain("IFD B", message, StringComparison.Ordinal);
        Assert.DoesNotContain("IFD A", message, StringComparison.Ordinal);
    }

    private static string German(string isoDate)
        => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static async Task<string> NumberAsync(HttpClient caseworker, string id)
        => (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("caseNumber").GetString()!;

    [Fact]
    [Trait("Rule", "PH-P2-04")]
    public async Task PHP204_a_renewed_counselling_after_one_at_another_IFD_needs_agreement_tells_nothing_of_it_and_InA_lists_the_counselling_without_funder()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworkerA = await factory.LoginAsync(tenant.CaseworkerA);
        using var caseworkerB = await factory.LoginAsync(tenant.CaseworkerB!);
        var name = factory.Unique("Wiederkehr");

        // IFD B counsels the person first (no funder, P2).
        var atB = await CounsellingAsync(factory, caseworkerB, await PersonAsync(caseworkerB, name));
        using (var first = await caseworkerB.MoveAsync(atB, new { to = "P2" }))
        {
            await first.ExpectAsync(HttpStatusCode.OK);
        }

        // IFD A's renewed counselling of the same person is refused without showing anything of IFD B.
        var atA = await CounsellingAsync(factory, caseworkerA, await PersonAsync(caseworkerA, name));
        using (var refused = await caseworkerA.MoveAsync(atA, new { to = "P2" }))
        {
            var violations = await ViolationsAsync(refused);
            var (_, message) = Assert.Single(violations, v => v.Rule == "PH-P2-04");
            TellsNothingOfTheOtherService(message, await NumberAsync(caseworkerB, atB), factory.Today());
        }

        using (var agreement = await caseworkerA.PostAsJsonAsync($"/api/v1/cases/{atA}/agreements", new { kind = "P2-renewal", agreedOn = factory.Today(), agreedWith = "Frau Koordinatorin" }))
        {
            Assert.True(agreement.IsSuccessStatusCode, await agreement.Content.ReadAsStringAsync());
        }

        using (var agreed = await caseworkerA.MoveAsync(atA, new { to = "P2" }))
        {
            await agreed.ExpectAsync(HttpStatusCode.OK);
        }

        // InA-Koordination's list: IFD B's counselling without a funder, the person had a P2 (at IFD A); A's is agreed.
        using var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator);
        var page = WebUtility.HtmlDecode(await coordinatorPages.GetStringAsync("/ina"));
        var start = page.IndexOf("id=\"abstimmungen\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "section Abzustimmende Fälle missing");
        var section = page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains($"/faelle/{atB}/merkblatt#abstimmungen", section, StringComparison.Ordinal);
        Assert.Contains("erneute Qualifizierte Beratung", section, StringComparison.Ordinal);
        Assert.DoesNotContain($"/faelle/{atA}/", section, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PH-P3-03")]
    public async Task PHP303_a_second_InA_P3_within_a_month_at_another_IFD_is_refused_without_its_case_number_IFD_or_date()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworkerA = await factory.LoginAsync(tenant.CaseworkerA);
        using var caseworkerB = await factory.LoginAsync(tenant.CaseworkerB!);
        var ina = await InaFunderAsync(caseworkerA);
        var name = factory.Unique("Doppelt");
        var atA = await InaSicherungAsync(factory, caseworkerA, await PersonAsync(caseworkerA, name), ina);
        using (var p3 = await caseworkerA.MoveAsync(atA, new { to = "P3" }))
        {
            await p3.ExpectAsync(HttpStatusCode.OK);
        }

        var atB = await InaSicherungAsync(factory, caseworkerB, await PersonAsync(caseworkerB, name), ina);
        using var refused = await caseworkerB.MoveAsync(atB, new { to = "P3" });

        var violations = await ViolationsAsync(refused);
        var (_, message) = Assert.Single(violations, v => v.Rule == "PH-P3-03");
        TellsNothingOfTheOtherService(message, await NumberAsync(caseworkerA, atA), factory.Today());
        Assert.All(violations, v => Assert.DoesNotContain(German(factory.Today()), v.Message, StringComparison.Ordinal));
        Assert.Equal("P1", await caseworkerB.PhaseOfAsync(atB));
    }

    [Fact]
    [Trait("Rule", "PH-P3-04")]
    public async Task PHP304_a_renewed_InA_P3_after_one_at_another_IFD_needs_agreement_and_then_passes()
    {
        // A factory of its own: this test moves the clock past the month of PH-P3-03.
        await using var own = TeilhabeFactory.With(new TeilhabeFactoryOptions());
        var tenant = await TestTenant.CreateAsync(own);
        var name = own.Unique("Erneut");
        string atA;
        string ina;
        string numberA;
        using (var caseworkerA = await own.LoginAsync(tenant.CaseworkerA))
        {
            ina = await InaFunderAsync(caseworkerA);
            atA = await InaSicherungAsync(own, caseworkerA, await PersonAsync(caseworkerA, name), ina);
            using var p3 = await caseworkerA.MoveAsync(atA, new { to = "P3" });
            await p3.ExpectAsync(HttpStatusCode.OK);
            numberA = await NumberAsync(caseworkerA, atA);
        }

        var dateA = own.Today();
        own.Clock.Advance(TimeSpan.FromDays(62));
        using var caseworkerB = await own.LoginAsync(tenant.CaseworkerB!);
        var atB = await InaSicherungAsync(own, caseworkerB, await PersonAsync(caseworkerB, name), ina);
        using (var refused = await caseworkerB.MoveAsync(atB, new { to = "P3" }))
        {
            var violations = await ViolationsAsync(refused);
            Assert.DoesNotContain(violations, v => v.Rule == "PH-P3-03");
            var (_, message) = Assert.Single(violations, v => v.Rule == "PH-P3-04");
            TellsNothingOfTheOtherService(message, numberA, dateA);
        }

        using (var agreement = await caseworkerB.PostAsJsonAsync($"/api/v1/cases/{atB}/agreements", new { kind = "P3-renewal", agreedOn = own.Today(), agreedWith = "Frau Koordinatorin" }))
        {
            Assert.True(agreement.IsSuccessStatusCode, await agreement.Content.ReadAsStringAsync());
        }

        using var moved = await caseworkerB.MoveAsync(atB, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "PH-P3-04")]
    public async Task PHP304_a_person_of_the_same_name_at_an_IFD_of_another_Integrationsamt_does_not_count()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var foreign = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var other = await factory.LoginAsync(foreign.CaseworkerA);
        var name = factory.Unique("Fremd");
        var elsewhere = await InaSicherungAsync(factory, other, await PersonAsync(other, name), await InaFunderAsync(other));
        using (var p3 = await other.MoveAsync(elsewhere, new { to = "P3" }))
        {
            await p3.ExpectAsync(HttpStatusCode.OK);
        }

        var id = await InaSicherungAsync(factory, caseworker, await PersonAsync(caseworker, name), await InaFunderAsync(caseworker));
        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });

        await moved.ExpectAsync(HttpStatusCode.OK);
    }
}
