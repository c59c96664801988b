using System.Globalization;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>DOC-01: the refusals of an upload (size, empty file, content type), worded once for every upload form.</summary>
public static class UploadRules
{
    public const string Rule = "DOC-01";

    public static RuleViolation TooLarge(string fileName, long length, string limit, string field = "file")
        => new(Rule, $"Die Datei „{fileName}“ ist {(length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.GetCultureInfo("de-DE"))} MB groß; erlaubt sind höchstens {limit} je Datei. " +
            "Bitte die Datei aufteilen oder in Schwarz-Weiß bzw. mit geringerer Auflösung scannen.", field);

    /// <summary>A whole upload (all its files together) above what one request may carry; refused before it is read.</summary>
    public static RuleViolation RequestTooLarge(long length, string limit, int files, string field = "file")
        => new(Rule, $"Die Sendung ist {(length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.GetCultureInfo("de-DE"))} MB groß; mit einer Sendung gehen höchstens {files} Dateien zu je {limit}. " +
            "Bitte weniger Dateien auf einmal hochladen, große Dateien aufteilen oder in Schwarz-Weiß bzw. mit geringerer Auflösung scannen.", field);

    public static RuleViolation Empty(string fileName, string field = "file")
        => new(Rule, $"Die Datei „{fileName}“ ist leer.", field);

    public static RuleViolation UnknownType(string fileName, string field = "file")
        => new(Rule, $"„{fileName}“ ist keine PDF-, PNG-, JPEG-, TIFF-, DOCX- oder ODT-Datei (geprüft wird der Inhalt, nicht der Name).", field);

    /// <summary>A package (DOCX, ODT) that would expand far beyond any document: refused without expanding it.</summary>
    public static RuleViolation Bomb(string fileName, string field = "file")
        => new(Rule, $"„{fileName}“ wird nicht angenommen: die Datei würde beim Öffnen auf ein Vielfaches ihrer Größe anwachsen (gepackt wie eine „Zip-Bombe“). " +
            "Bitte das Dokument als PDF speichern und dieses hochladen.", field);

    /// <summary>Office files with macros are refused: a case file stores documents, not programs.</summary>
    public static RuleViolation MacroEnabled(string fileName, string field = "file")
        => new(Rule, $"„{fileName}“ enthält Makros und wird deshalb nicht angenommen. Bitte als DOCX ohne Makros oder als PDF speichern und erneut hochladen.", field);
}
