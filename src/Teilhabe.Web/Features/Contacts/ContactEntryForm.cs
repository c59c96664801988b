using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// The fields of the page "Kontakt erfassen" as entered (strings where the user types), so that a refused submit
/// and a draft keep every value exactly. Files are not part of a draft.
/// </summary>
internal sealed class ContactEntryForm
{
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Date and time in Berlin time, as a datetime-local input sends it.</summary>
    public string? OccurredAt { get; set; }

    public string? Form { get; set; }
    public string? Keywords { get; set; }

    /// <summary>Optional duration in minutes (text so that a malformed entry gets a German message); CT-05 counts long phone calls.</summary>
    public string? DurationMinutes { get; set; }

    /// <summary>The case's client takes part.</summary>
    public bool Client { get; set; }

    /// <summary>Contact persons of the directory: "institution:{id}" or "funder:{id}".</summary>
    public List<string> Persons { get; set; } = [];

    /// <summary>Further participants, one per line.</summary>
    public string? Others { get; set; }

    public List<string> Topics { get; set; } = [];
    public List<string> Outcomes { get; set; } = [];

    /// <summary>A new LEK from the catalogue created with the contact and linked to it.</summary>
    public string? NewOutcomeCode { get; set; }

    /// <summary>The LEK funder of the new LEK; empty: the default of FU-05.</summary>
    public string? NewOutcomeFunderId { get; set; }

    public string? Note { get; set; }
    public bool PassesProtectedData { get; set; }
    public string? FileKind { get; set; }

    /// <summary>The defaults for a new contact: now, persönlich, the client taking part.</summary>
    public static ContactEntryForm Defaults(DateTimeOffset now) => new()
    {
        OccurredAt = BerlinTime.ToBerlin(now).ToString(LocalFormat, CultureInfo.InvariantCulture),
        Form = "personal",
        Client = true,
        FileKind = nameof(DocumentKind.Other),
    };

    public static ContactForm? ParseForm(string? code) => code switch
    {
        "personal" => ContactForm.Personal,
        "phone" => ContactForm.Phone,
        "written" => ContactForm.Written,
        "electronic" => ContactForm.Electronic,
        _ => null,
    };

    /// <summary>The local Berlin time as UTC instant; null when empty or malformed.</summary>
    /// <summary>The duration in whole minutes, or null when empty or not a number.</summary>
    public int? ParseDurationMinutes()
        => int.TryParse(DurationMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;

    public DateTimeOffset? ParseOccurredAt(out bool malformed)
    {
        malformed = false;
        if (string.IsNullOrWhiteSpace(OccurredAt))
        {
            return null;
        }

        string[] formats = [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (!DateTime.TryParseExact(OccurredAt.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            malformed = true;
            return null;
        }

        var offset = BerlinTime.Zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    public IEnumerable<string> OtherNames()
        => (Others ?? string.Empty).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Input errors that the rules do not cover (format and length); field keys as in the form.</summary>
    public List<RuleViolation> InputErrors()
    {
        var errors = new List<RuleViolation>();
        ParseOccurredAt(out var malformed);
        if (malformed)
        {
            errors.Add(new(RuleIds.Input, "Bitte Datum und Uhrzeit im Format TT.MM.JJJJ SS:MM angeben.", "occurredAt"));
        }

        if (Form is not null && ParseForm(Form) is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte eine der angebotenen Kontaktformen wählen.", "form"));
        }

        if (Keywords?.Length > 500)
        {
            errors.Add(new(RuleIds.Input, "Die Stichworte dürfen höchstens 500 Zeichen lang sein.", "keywords"));
        }

        if (!string.IsNullOrWhiteSpace(DurationMinutes) && ParseDurationMinutes() is not (>= 1 and <= 1440))
        {
            errors.Add(new(RuleIds.Input, "Die Dauer des Kontakts liegt zwischen 1 und 1440 Minuten.", "durationMinutes"));
        }

        if (Note?.Length > 8000)
        {
            errors.Add(new(RuleIds.Input, "Die Notiz darf höchstens 8000 Zeichen lang sein.", "note"));
        }

        if (OtherNames().Any(n => n.Length > 200))
        {
            errors.Add(new(RuleIds.Input, "Ein Name darf höchstens 200 Zeichen lang sein.", "others"));
        }

        if (Outcomes.Any(o => !Guid.TryParse(o, out _)))
        {
            errors.Add(new(RuleIds.Input, "Bitte nur angebotene LEK wählen.", "outcomeIds"));
        }

        if (!string.IsNullOrWhiteSpace(NewOutcomeFunderId) && !Guid.TryParse(NewOutcomeFunderId, out _))
        {
            errors.Add(new(RuleIds.Input, "Bitte einen angebotenen Leistungsträger wählen.", "serviceFunderId"));
        }

        return errors;
    }

    /// <summary>Field names of the service and rules mapped to the form's keys (for the error summary links).</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldMap = new Dictionary<string, string>
    {
        ["occurredAt"] = "Entry.OccurredAt",
        ["form"] = "Entry.Form",
        ["keywords"] = "Entry.Keywords",
        ["durationMinutes"] = "Entry.DurationMinutes",
        ["participants"] = "Entry.Client",
        ["others"] = "Entry.Others",
        ["topicCodes"] = "Entry.Topics",
        ["outcomeIds"] = "Entry.Outcomes",
        ["outcomeCode"] = "Entry.NewOutcomeCode",
        ["serviceFunderId"] = "Entry.NewOutcomeFunderId",
        ["note"] = "Entry.Note",
        ["passesProtectedData"] = "Entry.PassesProtectedData",
        ["file"] = "Entry.Files",
        ["kind"] = "Entry.FileKind",
        ["contactId"] = "Entry.Files",
        ["contacts"] = string.Empty,
        ["phase"] = string.Empty,
    };
}
