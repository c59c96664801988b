using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>Intent methods for case tests: cases, uploads, Merkblatt and transitions through the API.</summary>
public static class CaseApi
{
    public static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static async Task<string> CreateCaseAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/cases", body);
        return await response.ReadCreatedIdAsync();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string caseId, string kind, byte[]? content = null, string fileName = "scan.pdf", string? contactId = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (contactId is not null)
        {
            form.Add(new StringContent(contactId), "contactId");
        }

        return await client.PostAsync($"/api/v1/cases/{caseId}/documents", form);
    }

    public static async Task UploadOkAsync(this HttpClient client, string caseId, params string[] kinds)
    {
        foreach (var kind in kinds)
        {
            using var response = await client.UploadAsync(caseId, kind);
            await response.ExpectAsync(HttpStatusCode.Created);
        }
    }

    public static async Task SignNoticeAsync(this HttpClient client, string caseId, string signedOn, string version = "2026-01")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/data-protection-notice", new { signedOn, version });
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    public static async Task PatchOkAsync(this HttpClient client, string caseId, object body)
    {
        using var response = await client.PatchAsJsonAsync($"/api/v1/cases/{caseId}", body);
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, string caseId, object body)
        => client.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", body);

    public static async Task<string> PhaseOfAsync(this HttpClient client, string caseId)
    {
        using var response = await client.GetAsync($"/api/v1/cases/{caseId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString()!;
    }

    /// <summary>A client with every statistically required field of PH-P3-01 (notice, care-relevant disability, employment).</summary>
    public static async Task<string> CreateCompleteClientAsync(this HttpClient client, TeilhabeFactory factory)
    {
        var id = await Clients.ClientApi.CreateClientAsync(client, factory.Unique("Vollständig"), "Vera");
        using var notice = await client.PostAsJsonAsync($"/api/v1/clients/{id}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2024-01-10", degree = 50 });
        await notice.ExpectAsync(HttpStatusCode.Created);
        using var disability = await client.PostAsJsonAsync($"/api/v1/clients/{id}/disabilities", new { categoryCode = "mental", description = "Depression" });
        await disability.ExpectAsync(HttpStatusCode.Created);
        using var job = await client.PostAsJsonAsync($"/api/v1/clients/{id}/employment-situations", new { kindCode = "employed", from = "2019-04-01" });
        await job.ExpectAsync(HttpStatusCode.Created);
        return id;
    }

    public static async Task<string> CreateFunderAsync(this HttpClient client, TeilhabeFactory factory, string kind)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/funders", new { name = factory.Unique(kind), kind });
        return await response.ReadCreatedIdAsync();
    }

    public static string Today(this TeilhabeFactory factory)
        => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
