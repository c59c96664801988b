using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>Documents (DOC-01, ACC-06, ACC-07) over the API.</summary>
public sealed class DocumentApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_a_5_MB_upload_is_refused_with_a_German_message_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        var big = new byte[5 * 1024 * 1024];
        CaseApi.SmallPdf.CopyTo(big, 0);

        using var refused = await caseworker.UploadAsync(id, "Other", big, "gross.pdf");

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
        var message = (await refused.ReadProblemAsync()).GetProperty("violations")[0].GetProperty("message").GetString()!;
        Assert.Contains("4 MB", message, StringComparison.Ordinal);
        Assert.Contains("aufteilen", message, StringComparison.Ordinal);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_the_real_content_is_checked_not_the_file_name()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var refused = await caseworker.UploadAsync(id, "Other", "MZ\u0090\0 not a pdf"u8.ToArray(), "rechnung.pdf");
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    public async Task An_uploaded_file_comes_back_unchanged_and_the_download_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var uploaded = await caseworker.UploadAsync(id, "GoalAgreement");
        var documentId = await uploaded.ReadCreatedIdAsync();

        using var download = await caseworker.GetAsync($"/api/v1/documents/{documentId}");
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(CaseApi.SmallPdf, await download.Content.ReadAsByteArrayAsync());

        using var admin = await factory.AdminClientAsync();
        var rows = await admin.GetJsonAsync($"/api/v1/admin/audit?caseId={id}");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("action").GetString() == "read" && r.GetProperty("entity").GetString() == "CaseDocument");
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_another_IFD_gets_404_for_case_and_document()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        var id = await a.CreateCaseAsync(new { clientId = await a.CreateClientAsync() });
        using var uploaded = await a.UploadAsync(id, "GoalAgreement");
        var documentId = await uploaded.ReadCreatedIdAsync();

        using var foreignCase = await b.GetAsync($"/api/v1/cases/{id}");
        await foreignCase.ExpectAsync(HttpStatusCode.NotFound);
        using var foreignDocument = await b.GetAsync($"/api/v1/documents/{documentId}");
        await foreignDocument.ExpectAsync(HttpStatusCode.NotFound);
        using var foreignUpload = await b.UploadAsync(id, "Other");
        await foreignUpload.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "ACC-07")]
    public async Task ACC07_InA_coordination_sees_released_documents_but_not_other_ones_nor_the_private_todo()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        await caseworker.PatchOkAsync(id, new { todo = "Arbeitgeber zurückrufen" });
        using var goal = await caseworker.UploadAsync(id, "GoalAgreement");
        var goalId = await goal.ReadCreatedIdAsync();
        using var other = await caseworker.UploadAsync(id, "Other");
        var otherId = await other.ReadCreatedIdAsync();

        var seen = await coordinator.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.True(!seen.TryGetProperty("todo", out var todo) || todo.ValueKind == JsonValueKind.Null);
        var list = (await coordinator.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains(goalId, list);
        Assert.DoesNotContain(otherId, list);
        using var hidden = await coordinator.GetAsync($"/api/v1/documents/{otherId}");
        await hidden.ExpectAsync(HttpStatusCode.NotFound);
        using var edit = await coordinator.PatchAsJsonAsync($"/api/v1/cases/{id}", new { todo = "x" });
        await edit.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_a_caseworker_sees_own_cases_the_lead_all_of_the_IFD()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var colleague = await factory.LoginAsync(tenant.DeputyA);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        using var notMine = await colleague.GetAsync($"/api/v1/cases/{id}");
        await notMine.ExpectAsync(HttpStatusCode.NotFound);
        using var asLead = await lead.GetAsync($"/api/v1/cases/{id}");
        await asLead.ExpectAsync(HttpStatusCode.OK);
        var leadList = await lead.GetJsonAsync("/api/v1/cases?pageSize=200");
        Assert.Contains(leadList.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_several_files_are_all_or_nothing_one_refused_file_stores_none()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(CaseApi.SmallPdf), "file", "seite1.pdf" },
            { new ByteArrayContent("kein pdf"u8.ToArray()), "file", "seite2.pdf" },
            { new StringContent("Other"), "kind" },
        };
        using var refused = await caseworker.PostAsync($"/api/v1/cases/{id}/documents", form);
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());

        using var both = new MultipartFormDataContent
        {
            { new ByteArrayContent(CaseApi.SmallPdf), "file", "seite1.pdf" },
            { new ByteArrayContent(CaseApi.SmallPdf), "file", "seite2.pdf" },
            { new StringContent("Other"), "kind" },
        };
        using var stored = await caseworker.PostAsync($"/api/v1/cases/{id}/documents", both);
        await stored.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_a_deputy_assigned_to_the_case_sees_it_and_one_of_another_IFD_cannot_be_assigned()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var deputy = await factory.LoginAsync(tenant.DeputyA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using (var before = await deputy.GetAsync($"/api/v1/cases/{id}"))
        {
            await before.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var foreign = await caseworker.PutAsJsonAsync($"/api/v1/cases/{id}/deputies", new { userIds = new[] { tenant.CaseworkerB!.Id } }))
        {
            await foreign.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var assign = await caseworker.PutAsJsonAsync($"/api/v1/cases/{id}/deputies", new { userIds = new[] { tenant.DeputyA.Id } }))
        {
            await assign.ExpectAsync(HttpStatusCode.OK);
        }

        using var after = await deputy.GetAsync($"/api/v1/cases/{id}");
        await after.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(tenant.DeputyA.Id, (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deputyIds").EnumerateArray().Select(d => d.GetString()));
    }
}
