using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes the whole API (API.md "Conventions"): every operation is named,
/// secured by the bearer scheme, answers with typed bodies and lists the problem answers it can give.
/// </summary>
public sealed class OpenApiDocumentTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>The only operation callable without a token: signing in.</summary>
    private static readonly string[] Anonymous = ["POST /api/v1/auth/token"];

    [Fact]
    public async Task Every_operation_has_a_unique_operationId()
    {
        var operations = Operations(await DocumentAsync());

        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(operations.Zip(ids), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Second), $"{pair.First.Name} has no operationId"));
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains("getCasesByIdContacts", ids);
    }

    [Fact]
    public async Task Bearer_scheme_secures_every_operation_but_sign_in_and_each_answers_401_and_403()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            if (Anonymous.Contains(name))
            {
                Assert.False(operation.TryGetProperty("security", out _), $"{name} needs no token");
                Assert.True(responses.TryGetProperty("401", out _), $"{name}: wrong credentials answer 401");
                continue;
            }

            var security = operation.GetProperty("security").EnumerateArray().Single();
            Assert.True(security.TryGetProperty("Bearer", out _), $"{name} is not secured by Bearer");
            Assert.True(responses.TryGetProperty("401", out _), $"{name} lacks 401");
            Assert.True(responses.TryGetProperty("403", out _), $"{name} lacks 403");
        }
    }

    [Fact]
    public async Task Every_success_answer_with_a_body_has_a_schema_and_no_entity_type_appears()
    {
        var document = await DocumentAsync();
        foreach (var (name, operation) in Operations(document))
        {
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();

            // LEK-01: an LEK is never deleted; the DELETE exists only to answer 405 with the rule.
            Assert.True(successes.Count > 0 || name == "DELETE /api/v1/outcomes/{id}", $"{name} has no success answer");
            foreach (var response in successes.Where(r => r.Name != "204"))
            {
                Assert.True(response.Value.TryGetProperty("content", out var content), $"{name} {response.Name} has no body description");
                foreach (var media in content.EnumerateObject())
                {
                    Assert.True(media.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any(),
                        $"{name} {response.Name} {media.Name} has no schema");
                }
            }
        }

        // Answers are DTOs: the entities the admin lists once returned are gone from the components.
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.False(schemas.TryGetProperty("Organisation", out _));
        Assert.False(schemas.TryGetProperty("Service", out _));
    }

    [Fact]
    public async Task Error_answers_are_problem_details_and_422_carries_the_violations_schema()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var violations = schemas.GetProperty("RuleProblem").GetProperty("properties").GetProperty("violations");
        Assert.Equal("array", violations.GetProperty("type").GetString());
        var item = violations.GetProperty("items").GetProperty("properties");
        foreach (var field in new[] { "rule", "message", "field" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"violation without {field}");
        }

        Assert.True(schemas.GetProperty("InputProblem").GetProperty("properties").TryGetProperty("errors", out _));

        var seen = new HashSet<string>();
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                seen.Add(response.Name);
                var schema = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                var expected = response.Name switch
                {
                    "422" => "#/components/schemas/RuleProblem",
                    "400" => "#/components/schemas/InputProblem",
                    _ => "#/components/schemas/Problem",
                };
                Assert.True(schema.GetProperty("$ref").GetString() == expected, $"{name} {response.Name} is not {expected}");
            }

            var method = name.Split(' ')[0];
            if (method is "POST" or "PUT" or "PATCH" or "DELETE")
            {
                Assert.True(operation.GetProperty("responses").TryGetProperty("422", out _), $"{name} lacks 422");
            }
        }

        Assert.Superset(new HashSet<string> { "400", "401", "403", "404", "409", "422" }, seen);

        // A sample of API.md: the contact of a case can be refused by rules, missing, or changed meanwhile.
        var contact = document.GetProperty("paths").GetProperty("/api/v1/cases/{id}/contacts").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "404", "409", "422" })
        {
            Assert.True(contact.TryGetProperty(status, out _), $"POST /api/v1/cases/{{id}}/contacts lacks {status}");
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.AnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(string Name, JsonElement Operation)> Operations(JsonElement document)
    {
        var operations = new List<(string, JsonElement)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations.Add(($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value));
            }
        }

        Assert.True(operations.Count > 100, "the document lists the API");
        return operations;
    }
}
