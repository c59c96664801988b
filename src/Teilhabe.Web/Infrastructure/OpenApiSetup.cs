using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (API.md "Conventions"): the bearer scheme, an operationId per operation and
/// the error answers every endpoint shares are added here once, not per endpoint. Success answers come from the handlers'
/// typed results (DTOs), file downloads from <see cref="ProducesFile"/>.
/// </summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "Problem";
    public const string InputProblemSchema = "InputProblem";
    public const string RuleProblemSchema = "RuleProblem";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddTeilhabeOpenApi(this IServiceCollection services)
        => services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Teilhabe API",
                    Version = "v1",
                    Description = "JSON-Schnittstelle der elektronischen Fallakte. Anmeldung: POST /api/v1/auth/token, dann " +
                        "Authorization: Bearer <accessToken>. Fehler als RFC-9457-Problem-Details; fachliche Ablehnungen mit 422 " +
                        "und der Liste violations (Regel-ID, deutsche Meldung, Feld).",
                };
                AddComponents(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, context);
                return Task.CompletedTask;
            });
        });

    /// <summary>A file download: the body is the file itself (schema string/binary) in one of the given media types.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, params string[] contentTypes)
        => builder.Produces<Stream>(StatusCodes.Status200OK, contentTypes[0], contentTypes[1..]);

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var route = "/" + (description.RelativePath ?? string.Empty).TrimStart('/');
        operation.OperationId ??= OperationId(method, route);

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var write = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var hasRouteValue = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");
        var hasInput = operation.RequestBody is not null || description.ParameterDescriptions.Any(p => p.Source.Id == "Query");

        operation.Responses ??= new OpenApiResponses();
        if (!anonymous)
        {
            EnsureSecurityScheme(context.Document);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            Add(operation, StatusCodes.Status401Unauthorized, "Nicht angemeldet: Bearer-Token fehlt, ist abgelaufen oder ungültig.");
            Add(operation, StatusCodes.Status403Forbidden, "Die Rolle oder Zuständigkeit erlaubt diese Aktion nicht.");
        }

        if (hasInput)
        {
            Add(operation, StatusCodes.Status400BadRequest, "Die Eingabe ist unvollständig oder fehlerhaft (errors: Meldungen je Feld).");
        }

        if (hasRouteValue)
        {
            Add(operation, StatusCodes.Status404NotFound, "Nicht gefunden (oder nicht sichtbar).");
        }

        if (write && hasRouteValue)
        {
            Add(operation, StatusCodes.Status409Conflict, "Jemand anderes hat den Datensatz inzwischen geändert (If-Match/Version).");
        }

        if (write)
        {
            Add(operation, StatusCodes.Status422UnprocessableEntity, "Fachliche Regeln verletzt (violations: Regel-ID, Meldung, Feld).");
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete)
            {
                Complete(status, concrete, context.Document);
            }
        }

        // In the order of the status codes, success first.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }
    }

    /// <summary>
    /// Derived from the route API.md fixes, so it is unique and changes only when the contract path changes:
    /// <c>GET /api/v1/cases/{id}/contacts</c> → <c>getCasesByIdContacts</c>.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var pattern = RoutePatternFactory.Parse(route);
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                var text = part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => "by-" + parameter.Name,
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => string.Empty,
                };
                id.Append(Pascal(text));
            }
        }

        return id.ToString().Replace("ApiV1", string.Empty, StringComparison.Ordinal);
    }

    private static string Pascal(string text)
    {
        var result = new StringBuilder();
        foreach (var word in text.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            result.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }

        return result.ToString();
    }

    private static void Add(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = description };
        }
    }

    /// <summary>Every error answer is problem details (422 with violations, 400 with errors); a file body is binary.</summary>
    private static void Complete(string status, OpenApiResponse response, OpenApiDocument? document)
    {
        var code = int.Parse(status, CultureInfo.InvariantCulture);
        if (code >= 400)
        {
            EnsureProblemSchemas(document);
            var schema = code switch
            {
                StatusCodes.Status400BadRequest => InputProblemSchema,
                StatusCodes.Status422UnprocessableEntity => RuleProblemSchema,
                _ => ProblemSchema,
            };
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            };
            return;
        }

        foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            if (!mediaType.Contains("json", StringComparison.Ordinal))
            {
                content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }

    private static void EnsureSecurityScheme(OpenApiDocument? document)
    {
        if (document is null)
        {
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token aus POST /api/v1/auth/token (accessToken), gültig bis expiresAt.",
        });
    }

    private static void AddComponents(OpenApiDocument document)
    {
        EnsureSecurityScheme(document);
        EnsureProblemSchemas(document);
    }

    /// <summary>The problem details <see cref="ApiResults"/> writes.</summary>
    private static void EnsureProblemSchemas(OpenApiDocument? document)
    {
        if (document is null)
        {
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        if (schemas.ContainsKey(ProblemSchema))
        {
            return;
        }

        schemas[ProblemSchema] = Problem(null, null);
        schemas[InputProblemSchema] = Problem("errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Meldungen je Feld (Feldname → deutsche Meldungen).",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        });
        schemas[RuleProblemSchema] = Problem("violations", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Jede verletzte Regel mit ihrer ID aus DOMAIN.md.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "rule", "message", "field" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Regel-ID aus DOMAIN.md, z. B. PH-00." },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Deutsche Meldung." },
                    ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Betroffenes Feld, sonst null." },
                },
            },
        });
    }

    private static OpenApiSchema Problem(string? listName, OpenApiSchema? list)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Problem-Details nach RFC 9457.",
            Properties = properties,
        };
        if (listName is not null)
        {
            properties[listName] = list!;
            schema.Required = new HashSet<string> { listName };
        }

        return schema;
    }
}
