using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Coordination;

/// <summary>TR-01 (within the IFD) and TR-02 (to another IFD of the same state) over the API.</summary>
public sealed class TransferApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static async Task<HttpResponseMessage> UploadReleaseAsync(HttpClient client, string requestId, byte[]? content = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? CaseApi.SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "entbindung.pdf");
        return await client.PostAsync($"/api/v1/transfer-requests/{requestId}/confidentiality-release", form);
    }

    private static bool HasNoticeViolation(JsonElement check)
        => check.GetProperty("violations").EnumerateArray().Any(v => v.GetProperty("field").GetString() == "dataProtectionNotice");

    [Fact]
    [Trait("Rule", "TR-01")]
    public async Task TR01_a_handover_within_the_IFD_keeps_phase_and_Merkblatt_and_needs_no_new_notice()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var colleague = await factory.CreateUserAsync(Roles.Caseworker, tenant.ServiceA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Klärung der Arbeitsplatzanpassung" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        var before = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        using var handed = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { caseworkerId = colleague.Id });
        await handed.ExpectAsync(HttpStatusCode.OK);

        using var successor = await factory.LoginAsync(colleague);
        var after = await successor.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal(colleague.Id, after.GetProperty("caseworkerId").GetString());
        Assert.Equal("P2", after.GetProperty("phase").GetString());
        Assert.Equal(before.GetProperty("caseNumber").GetString(), after.GetProperty("caseNumber").GetString());
        Assert.Equal(before.GetProperty("dataProtectionNotice").GetRawText(), after.GetProperty("dataProtectionNotice").GetRawText());
        Assert.False(after.GetProperty("noticeRenewalRequired").GetBoolean());
        Assert.True(!after.TryGetProperty("closedOn", out var closed) || closed.ValueKind == JsonValueKind.Null);
        Assert.False(HasNoticeViolation(await successor.GetJsonAsync($"/api/v1/cases/{id}/transitions/P3/check")));

        // The former caseworker is no longer responsible.
        using var gone = await caseworker.GetAsync($"/api/v1/cases/{id}");
        await gone.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "TR-01")]
    public async Task TR01_a_caseworker_of_another_IFD_is_not_a_target()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        using var refused = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { caseworkerId = tenant.CaseworkerB!.Id });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["TR-01"], await refused.ReadViolatedRulesAsync());

        using var unknown = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { caseworkerId = tenant.Coordinator.Id });
        await unknown.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["TR-01"], await unknown.ReadViolatedRulesAsync());
        Assert.Equal(tenant.CaseworkerA.Id, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("caseworkerId").GetString());
    }

    [Fact]
    [Trait("Rule", "TR-02")]
    public async Task TR02_the_receiving_IFD_takes_the_case_over_only_after_InA_confirmed_the_release_and_then_needs_a_new_Merkblatt()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworkerA = await factory.LoginAsync(tenant.CaseworkerA);
        using var leadB = await factory.LoginAsync(tenant.LeadB!);
        using var caseworkerB = await factory.LoginAsync(tenant.CaseworkerB!);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var client = await caseworkerA.CreateClientAsync(factory.Unique("Wechsel"));
        var ina = await caseworkerA.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworkerA.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina });
        await caseworkerA.SignNoticeAsync(id, factory.Today());
        var lek = await caseworkerA.CreateOutcomeAsync(id);
        using (var contact = await caseworkerA.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-30), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        // Another state's IFD is no target.
        var foreign = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (var wrongState = await caseworkerA.PostAsJsonAsync($"/api/v1/cases/{id}/transfer-requests", new { serviceId = foreign.ServiceA }))
        {
            await wrongState.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TR-02"], await wrongState.ReadViolatedRulesAsync());
        }

        using var requested = await caseworkerA.PostAsJsonAsync($"/api/v1/cases/{id}/transfer-requests", new { serviceId = tenant.ServiceB });
        var requestId = await requested.ReadCreatedIdAsync();

        // The receiving IFD sees the stub of the request, not the case.
        var stub = (await leadB.GetJsonAsync("/api/v1/transfer-requests")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == requestId);
        Assert.StartsWith("Wechsel", stub.GetProperty("clientName").GetString(), StringComparison.Ordinal);
        using (var hidden = await leadB.GetAsync($"/api/v1/cases/{id}"))
        {
            await hidden.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var early = await caseworkerB.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { serviceId = tenant.ServiceB }))
        {
            await early.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TR-02"], await early.ReadViolatedRulesAsync());
        }

        using (var noRelease = await coordinator.PostAsync($"/api/v1/cases/{id}/transfer-confirmations", null))
        {
            await noRelease.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TR-02"], await noRelease.ReadViolatedRulesAsync());
        }

        using (var notAFile = await UploadReleaseAsync(leadB, requestId, "kein PDF"u8.ToArray()))
        {
            await notAFile.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["DOC-01"], await notAFile.ReadViolatedRulesAsync());
        }

        using (var byOther = await UploadReleaseAsync(caseworkerA, requestId))
        {
            await byOther.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var release = await UploadReleaseAsync(leadB, requestId))
        {
            await release.ExpectAsync(HttpStatusCode.Created);
        }

        using (var stillEarly = await caseworkerB.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { serviceId = tenant.ServiceB }))
        {
            await stillEarly.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        }

        using (var confirmed = await coordinator.PostAsync($"/api/v1/cases/{id}/transfer-confirmations", null))
        {
            await confirmed.ExpectAsync(HttpStatusCode.OK);
        }

        using var moved = await caseworkerB.PostAsJsonAsync($"/api/v1/cases/{id}/transfer", new { serviceId = tenant.ServiceB });
        await moved.ExpectAsync(HttpStatusCode.OK);

        using (var previous = await caseworkerA.GetAsync($"/api/v1/cases/{id}"))
        {
            await previous.ExpectAsync(HttpStatusCode.NotFound);
        }

        var taken = await caseworkerB.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal(tenant.CaseworkerB!.Id, taken.GetProperty("caseworkerId").GetString());
        Assert.Equal("P1", taken.GetProperty("phase").GetString());
        Assert.True(taken.GetProperty("noticeRenewalRequired").GetBoolean());
        Assert.Equal(1, (await caseworkerB.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
        await caseworkerB.GetJsonAsync($"/api/v1/clients/{client}");
        var check = await caseworkerB.GetJsonAsync($"/api/v1/cases/{id}/transitions/P2/check");
        Assert.Contains(check.GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "DOC-02");

        // A new Merkblatt of the receiving IFD ends the requirement.
        await caseworkerB.SignNoticeAsync(id, factory.Today());
        Assert.False((await caseworkerB.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("noticeRenewalRequired").GetBoolean());
        Assert.DoesNotContain((await caseworkerB.GetJsonAsync($"/api/v1/cases/{id}/transitions/P2/check")).GetProperty("violations").EnumerateArray(),
            v => v.GetProperty("rule").GetString() == "DOC-02");
    }
}
