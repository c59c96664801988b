using System.Net;
using System.Text.Json;

namespace Teilhabe.TestSupport;

/// <summary>Reading API answers (API.md "Conventions"): created ids, problem details and rule violations.</summary>
public static class HttpAssertions
{
    /// <summary>Fails with the status and the body when the answer is not the expected one.</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            await response.Content.LoadIntoBufferAsync();
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpExpectationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} {expected}, " +
                $"got {(int)response.StatusCode} {response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : string.Empty)}. Body: {body}");
        }
    }

    /// <summary>201 with <c>{ "id" }</c>.</summary>
    public static async Task<string> ReadCreatedIdAsync(this HttpResponseMessage response)
    {
        await response.ExpectAsync(HttpStatusCode.Created);
        await response.Content.LoadIntoBufferAsync();
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        return body.GetProperty("id").GetString()
            ?? throw new HttpExpectationException("201 without an id.");
    }

    /// <summary>The problem details body; fails unless the content type is application/problem+json.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
        {
            throw new HttpExpectationException(
                $"Expected application/problem+json, got '{mediaType}': {await response.Content.ReadAsStringAsync()}");
        }

        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The rule IDs listed in <c>violations</c> of a problem (empty when there is none).</summary>
    public static async Task<IReadOnlyList<string>> ReadViolatedRulesAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync();
        return problem.TryGetProperty("violations", out var violations)
            ? [.. violations.EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)]
            : [];
    }
}

public sealed class HttpExpectationException(string message) : Exception(message);
