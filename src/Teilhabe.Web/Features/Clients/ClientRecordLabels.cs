using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// CL-03 on the pages: the address segment and German name of each record kind, and the values of a record (as it
/// stands, or as a <see cref="ClientRecordChange"/> kept it) as labelled facts.
/// </summary>
internal sealed record ClientRecordLabels(
    IReadOnlyDictionary<string, string> Categories,
    IReadOnlyDictionary<string, string> EmploymentKinds,
    IReadOnlyDictionary<Guid, string> Institutions)
{
    public static string Slug(ClientRecordKind kind) => kind switch
    {
        ClientRecordKind.DisabilityEvidence => "bescheide",
        ClientRecordKind.Disability => "behinderungen",
        _ => "beschaeftigung",
    };

    public static ClientRecordKind? Parse(string? slug) => slug switch
    {
        "bescheide" => ClientRecordKind.DisabilityEvidence,
        "behinderungen" => ClientRecordKind.Disability,
        "beschaeftigung" => ClientRecordKind.EmploymentSituation,
        _ => null,
    };

    public static string Noun(ClientRecordKind kind) => kind switch
    {
        ClientRecordKind.DisabilityEvidence => "Bescheid",
        ClientRecordKind.Disability => "Behinderung",
        _ => "Beschäftigungssituation",
    };

    /// <summary>The section of the client page that lists records of the kind.</summary>
    public static string Anchor(ClientRecordKind kind) => kind switch
    {
        ClientRecordKind.DisabilityEvidence => "nachweis",
        ClientRecordKind.Disability => "behinderungen",
        _ => "beschaeftigung",
    };

    public static string CorrectPath(Guid clientId, ClientRecordKind kind, Guid recordId) => $"/klienten/{clientId}/{Slug(kind)}/{recordId}/korrigieren";

    public static string RemovePath(Guid clientId, ClientRecordKind kind, Guid recordId) => $"/klienten/{clientId}/{Slug(kind)}/{recordId}/entfernen";

    /// <summary>The labels the given record values need: catalogue labels and the names of the institutions they name.</summary>
    public static async Task<ClientRecordLabels> LoadAsync(CatalogueService catalogues, TeilhabeDbContext db, IEnumerable<IReadOnlyDictionary<string, string?>> values, CancellationToken ct)
    {
        var ids = values.Select(v => Guid.TryParse(v.GetValueOrDefault("institutionId"), out var id) ? id : (Guid?)null)
            .Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        var institutions = ids.Count == 0 ? [] : await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return new(await catalogues.LabelsAsync(CatalogueNames.DisabilityCategories, ct), await catalogues.LabelsAsync(CatalogueNames.EmploymentKinds, ct), institutions);
    }

    public IReadOnlyList<(string Label, string Value)> Facts(ClientRecordKind kind, IReadOnlyDictionary<string, string?> values)
    {
        string? V(string key) => values.GetValueOrDefault(key);
        string Date(string key) => DateOnly.TryParseExact(V(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? GermanFormat.Date(d) : "–";
        string YesNo(string key) => V(key) == "true" ? "ja" : "nein";
        return kind switch
        {
            ClientRecordKind.DisabilityEvidence =>
            [
                ("Art", Enum.TryParse<EvidenceKind>(V("kind"), out var k) ? ClientLabels.Of(k) : V("kind") ?? "–"),
                ("Datum des Bescheids", Date("noticeDate")),
                ("Mit Wirkung ab", Date("effectiveFrom")),
                ("GdB", V("degree") ?? "–"),
            ],
            ClientRecordKind.Disability =>
            [
                ("Art", V("categoryCode") is { } c ? Categories.GetValueOrDefault(c, c) : "–"),
                ("Beschreibung", string.IsNullOrEmpty(V("description")) ? "–" : V("description")!),
                ("Im Bescheid anerkannt", YesNo("recognised")),
                ("Betreuungsrelevant", YesNo("careRelevant")),
            ],
            _ =>
            [
                ("Ab", Date("from")),
                ("Situation", V("kindCode") is { } e ? EmploymentKinds.GetValueOrDefault(e, e) : "–"),
                ("Arbeitgeber / Institution", Guid.TryParse(V("institutionId"), out var i) ? Institutions.GetValueOrDefault(i, "–") : "–"),
                ("Zustand", V("state") == "expected" ? ClientLabels.Of(EmploymentState.Expected) : ClientLabels.Of(EmploymentState.Occurred)),
            ],
        };
    }
}

/// <summary>The "Korrigieren" and "Entfernen" links of one record in the tables of the client page.</summary>
internal sealed record RecordActions(Guid ClientId, ClientRecordKind Kind, Guid RecordId, string Name);
