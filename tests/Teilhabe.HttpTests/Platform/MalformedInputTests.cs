using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Hardening: every /api/v1 endpoint with a body gets malformed JSON (truncated, wrong types, 100 000 characters,
/// deep nesting, null for every field, unknown enum values) and every endpoint with route parameters gets path
/// tricks. Every answer must be 4xx, and no row of the case file tables may appear or vanish.
/// The random values come from a fixed seed, so a failure reproduces.
/// </summary>
public sealed class MalformedInputTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const int Seed = 4711;
    private static readonly string Huge = new('x', 100_000);

    [Fact]
    public async Task Malformed_input_never_answers_5xx_and_changes_nothing()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var programmeLead = await factory.LoginAsync(await factory.CreateUserAsync(Roles.ProgrammeLead, tenant.ServiceA));
        using var anonymous = factory.AnonymousClient();
        var clientId = await caseworker.CreateClientAsync();
        var caseId = await caseworker.CreateCaseAsync(new { clientId });

        HttpClient As(string pattern) => pattern switch
        {
            _ when pattern.StartsWith("/api/v1/auth/token", StringComparison.Ordinal) => anonymous,
            _ when pattern.StartsWith("/api/v1/admin", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/catalogues", StringComparison.Ordinal) => admin,
            _ when pattern.StartsWith("/api/v1/programmes", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/participations", StringComparison.Ordinal) => programmeLead,
            _ when pattern.StartsWith("/api/v1/networks", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/potentials", StringComparison.Ordinal)
                || pattern.StartsWith("/api/v1/candidates", StringComparison.Ordinal) => lead,
            _ when pattern.EndsWith("/releases", StringComparison.Ordinal) => coordinator,
            _ => caseworker,
        };

        var random = new Random(Seed);
        string Fill(string pattern, string? trick = null) => FillRoute(pattern, caseId, clientId, random, trick);
        var endpoints = AuthorizationMatrixTests.EnumerateEndpoints(factory.Services)
            .Where(e => !e.IsPage && e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(endpoints);

        var before = await CountRowsAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var client = As(endpoint.Pattern);
            if (endpoint.Method is "POST" or "PUT" or "PATCH" && endpoint.Accepts is { } accepts)
            {
                var path = Fill(endpoint.Pattern);
                foreach (var (label, body) in Payloads(accepts.RequestType, random))
                {
                    using var response = await SendAsync(client, endpoint.Method, path, body);
                    sent++;
                    Expect4xx(failures, endpoint, path, label, response);
                }
            }

            if (endpoint.Pattern.Contains('{', StringComparison.Ordinal))
            {
                foreach (var trick in PathTricks(random))
                {
                    var path = Fill(endpoint.Pattern, trick);
                    using var response = await SendAsync(client, endpoint.Method, path, endpoint.Method is "GET" or "DELETE" ? null : "{}");
                    sent++;
                    Expect4xx(failures, endpoint, path.Length > 120 ? path[..120] + "…" : path, "path trick", response);
                }
            }
        }

        var after = await CountRowsAsync();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not answered 4xx (seed {Seed}):\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
    }

    private static void Expect4xx(List<string> failures, AuthorizationMatrixTests.Endpoint endpoint, string path, string label, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            failures.Add($"{endpoint.Method} {path} [{label}]: {status}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await client.SendAsync(request);
    }

    private static string FillRoute(string pattern, string caseId, string clientId, Random random, string? trick)
    {
        var result = new StringBuilder();
        var i = 0;
        var first = true;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(pattern, i, pattern.Length - i);
                break;
            }

            result.Append(pattern, i, open - i);
            var close = pattern.IndexOf('}', open);
            var name = pattern[(open + 1)..close].Split(':')[0];
            var prefix = pattern[..open];
            result.Append(trick is not null && first ? trick : name switch
            {
                "name" => "topics",
                "code" => "UNBEKANNT",
                "phase" => "Assessment",
                "id" when prefix == "/api/v1/cases/" => caseId,
                "id" when prefix == "/api/v1/clients/" => clientId,
                _ => AuthorizationMatrixTests.SeededGuid(random).ToString(),
            });
            first = false;
            i = close + 1;
        }

        return result.ToString();
    }

    private static IEnumerable<string> PathTricks(Random random)
    {
        yield return "..%2F..%2Fadmin%2Fusers";
        yield return "..%2F";
        yield return "not-a-guid";
        yield return new string('9', 5000);
        yield return AuthorizationMatrixTests.SeededGuid(random).ToString() + "%2F..%2F..";
    }

    /// <summary>Malformed bodies for the request type (its JSON property names in camelCase).</summary>
    private static IEnumerable<(string Label, string Body)> Payloads(Type? type, Random random)
    {
        yield return ("empty body", string.Empty);
        yield return ("truncated", "{\"a\": \"");
        yield return ("array instead of object", "[]");
        yield return ("string instead of object", "\"text\"");
        yield return ("number instead of object", random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("nested depth 200", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));
        // A JsonElement body (PATCH /cases/{id}, JSON merge patch) has no fixed properties: "{}" is a valid empty patch.
        var properties = type is null || type == typeof(string) || type.IsPrimitive || type == typeof(JsonElement)
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead).ToArray();
        if (properties.Length == 0)
        {
            yield break;
        }

        string Name(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        var nulls = properties.ToDictionary(Name, _ => (object?)null);
        var allNull = JsonSerializer.Serialize(nulls);
        yield return ("null for every field", allNull);
        yield return ("truncated object", allNull[..(allNull.Length / 2)]);
        foreach (var property in properties)
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t == typeof(string))
            {
                yield return ($"{Name(property)}: number instead of string", JsonSerializer.Serialize(new Dictionary<string, object?> { [Name(property)] = 12345 }));
                yield return ($"{Name(property)}: 100 000 characters", JsonSerializer.Serialize(new Dictionary<string, object?> { [Name(property)] = Huge }));
            }
            else
            {
                yield return ($"{Name(property)}: string instead of {t.Name}", JsonSerializer.Serialize(new Dictionary<string, object?> { [Name(property)] = "kein-gueltiger-Wert" }));
            }

            if (t.IsEnum)
            {
                yield return ($"{Name(property)}: unknown enum value", JsonSerializer.Serialize(new Dictionary<string, object?> { [Name(property)] = "GibtEsNicht" }));
            }
        }

        var allHuge = properties.ToDictionary(Name, p => (object?)((Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(string) ? Huge : null));
        yield return ("100 000 characters in every text field", JsonSerializer.Serialize(allHuge));
    }

    /// <summary>Rows of the case file tables (not the audit log, which grows with read entries).</summary>
    private async Task<Dictionary<string, int>> CountRowsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return new Dictionary<string, int>
        {
            ["Cases"] = await db.Cases.IgnoreQueryFilters().CountAsync(),
            ["Clients"] = await db.Clients.IgnoreQueryFilters().CountAsync(),
            ["Contacts"] = await db.Contacts.IgnoreQueryFilters().CountAsync(),
            ["Outcomes"] = await db.Outcomes.IgnoreQueryFilters().CountAsync(),
            ["Documents"] = await db.Documents.IgnoreQueryFilters().CountAsync(),
            ["Institutions"] = await db.Institutions.IgnoreQueryFilters().CountAsync(),
            ["Funders"] = await db.Funders.IgnoreQueryFilters().CountAsync(),
            ["CatalogueEntries"] = await db.CatalogueEntries.IgnoreQueryFilters().CountAsync(),
            ["Organisations"] = await db.Organisations.IgnoreQueryFilters().CountAsync(),
            ["Services"] = await db.Services.IgnoreQueryFilters().CountAsync(),
            ["Programmes"] = await db.Programmes.IgnoreQueryFilters().CountAsync(),
            ["Participations"] = await db.Participations.IgnoreQueryFilters().CountAsync(),
            ["Networks"] = await db.Networks.IgnoreQueryFilters().CountAsync(),
            ["JobPotentials"] = await db.JobPotentials.IgnoreQueryFilters().CountAsync(),
            ["CaseGoals"] = await db.CaseGoals.IgnoreQueryFilters().CountAsync(),
            ["ReportVersions"] = await db.ReportVersions.IgnoreQueryFilters().CountAsync(),
            ["Users"] = await db.Users.IgnoreQueryFilters().CountAsync(),
        };
    }
}
