using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>The commissions the BA-… tests start from, set up over the API.</summary>
internal static class CommissionCases
{
    /// <summary>A Vermittlung for the Agentur für Arbeit in P3 with its Endbericht result, the caseworker and an employer.</summary>
    public sealed record Placement(HttpClient Caseworker, TestUser User, string Client, string CaseId, string Agency, string Employer);

    public static async Task<Placement> PlacementInP3Async(this TeilhabeFactory factory)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var agency = await caseworker.CreateFunderAsync(factory, "EmploymentAgency");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "placement", funderId = agency, legalBasisCode = "placement-sgb3-sgb2", caseGroupCode = "support-need", referringBodyCode = "employment-agency" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var moved = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        await caseworker.PatchOkAsync(id, new { closingResult = "Arbeitsvertrag unterschrieben." });
        using var institution = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Arbeitgeber"), kind = "employer" });
        return new(caseworker, tenant.CaseworkerA, client, id, agency, await institution.ReadCreatedIdAsync());
    }

    /// <summary>An InA Sicherung (§ 185 Abs. 2) with everything PH-P3-01 asks for, moved to P3 today.</summary>
    public static async Task<string> InaSicherungInP3Async(this HttpClient caseworker, TeilhabeFactory factory, string ina)
    {
        var id = await caseworker.ReadyInaSicherungAsync(factory, ina, await caseworker.CreateCompleteClientAsync(factory));
        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The same InA Sicherung for a given client, still in P1.</summary>
    public static async Task<string> ReadyInaSicherungAsync(this HttpClient caseworker, TeilhabeFactory factory, string ina, string client)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        return id;
    }

    /// <summary>The multipart form of POST …/successful-placement (BA-ST-01); without goals the Zielvereinbarung file is left out.</summary>
    public static MultipartFormDataContent PlacementForm(
        this TeilhabeFactory factory, DateOnly jobStart, string employer, string legalBasis, byte[] notice, byte[]? goals, string employmentKind = "employed", string? outcome = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(jobStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "jobStart" },
            { new StringContent(employmentKind), "employmentKindCode" },
            { new StringContent(employer), "institutionId" },
            { new StringContent(legalBasis), "legalBasisCode" },
            { new StringContent(factory.Today()), "dataProtectionNoticeSignedOn" },
            { new StringContent("2026-01"), "dataProtectionNoticeVersion" },
        };
        if (outcome is not null)
        {
            form.Add(new StringContent(outcome), "outcomeCategoryCode");
        }

        var noticeFile = new ByteArrayContent(notice);
        noticeFile.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(noticeFile, "dataProtectionNotice", "merkblatt.pdf");
        if (goals is not null)
        {
            var goalFile = new ByteArrayContent(goals);
            goalFile.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(goalFile, "goalAgreement", "zielvereinbarung.pdf");
        }

        return form;
    }
}
