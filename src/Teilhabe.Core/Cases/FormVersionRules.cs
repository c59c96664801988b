using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>
/// DOC-04: Merkblatt, Zielvereinbarung and Schweigepflichtentbindung are signed on the form version valid that day;
/// InA-Koordination maintains the versions (catalogue "form-versions") and their PDF templates to print.
/// </summary>
public static class FormVersionRules
{
    public const string Rule = "DOC-04";

    /// <summary>The largest PDF template accepted for a form version.</summary>
    public const long MaxTemplateBytes = 10L * 1024 * 1024;

    /// <summary>The three forms that carry a version (the catalogue's "form" values are these kinds' names).</summary>
    public static readonly IReadOnlyList<DocumentKind> VersionedKinds = [DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement, DocumentKind.ConfidentialityRelease];

    public static bool IsVersioned(DocumentKind kind) => VersionedKinds.Contains(kind);

    public static string Form(DocumentKind kind) => kind.ToString();

    /// <summary>
    /// An upload that names the version it was signed on: refused when that is not the valid one, or when no valid
    /// version is maintained. Without a version nothing is checked here (the page always sends one).
    /// </summary>
    public static RuleViolation? CheckUpload(DocumentKind? kind, string? version, string? validVersion, string formLabel)
    {
        if (string.IsNullOrWhiteSpace(version) || kind is null)
        {
            return null;
        }

        if (!IsVersioned(kind.Value))
        {
            return new(RuleIds.Input, "Eine Fassung wird nur für Merkblatt, Zielvereinbarung und Entbindung von der Schweigepflicht angegeben.", "formVersion");
        }

        if (validVersion is null)
        {
            return new(Rule, $"Für „{formLabel}“ ist keine gültige Fassung hinterlegt; bitte die InA-Koordination fragen.", "formVersion");
        }

        return version.Trim() == validVersion
            ? null
            : new(Rule, $"„{formLabel}“ ist auf der Fassung „{version.Trim()}“ unterschrieben; gültig ist die Fassung „{validVersion}“. Bitte auf dem gültigen Vordruck (Seite „Vordrucke“) neu unterschreiben lassen.", "formVersion");
    }

    /// <summary>A template to print is a PDF of at most <see cref="MaxTemplateBytes"/>.</summary>
    public static RuleViolation? CheckTemplate(string fileName, long length, bool isPdf)
    {
        if (length == 0)
        {
            return new(Rule, $"Die Datei „{fileName}“ ist leer.", "file");
        }

        if (length > MaxTemplateBytes)
        {
            return new(Rule, $"Der Vordruck „{fileName}“ ist größer als {MaxTemplateBytes / 1024 / 1024} MB.", "file");
        }

        return isPdf ? null : new(Rule, $"„{fileName}“ ist keine PDF-Datei; ein Vordruck wird als PDF hinterlegt (geprüft wird der Inhalt, nicht der Name).", "file");
    }
}
