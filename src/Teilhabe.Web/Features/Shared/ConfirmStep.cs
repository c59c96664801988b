namespace Teilhabe.Web.Features.Shared;

/// <summary>
/// The review step before an action that cannot be undone: a page (works without JavaScript) that names the case and
/// the consequence and posts the same form again with <c>confirmed=true</c>; "Zurück" returns without acting.
/// </summary>
internal sealed record ConfirmStep(
    string Title,
    string CaseNumber,
    IReadOnlyList<(string Label, string Value)> Facts,
    string Consequence,
    string Action,
    IReadOnlyDictionary<string, string?> Fields,
    string ConfirmLabel,
    string BackHref);
