using Teilhabe.Core.Contacts;
using Teilhabe.Web.Features.Cases;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>German texts for LEK on the pages.</summary>
internal static class OutcomeLabels
{
    public static string Dates(Outcome o) => o.StartDate is null
        ? "ohne Startdatum"
        : $"{GermanFormat.Date(o.StartDate)} – {GermanFormat.Date(o.EndDate)}";

    public static string Form(ContactForm form) => form switch
    {
        ContactForm.Personal => "persönlich",
        ContactForm.Phone => "telefonisch",
        ContactForm.Written => "schriftlich",
        _ => "elektronisch",
    };

    public static readonly IReadOnlyList<(string Code, string Label)> Forms =
    [
        ("personal", "persönlich"),
        ("phone", "telefonisch"),
        ("written", "schriftlich"),
        ("electronic", "elektronisch"),
    ];

    public static string Participant(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Client => "Klient/in",
        ParticipantKind.InstitutionContact => "Arbeitgeber/Institution",
        ParticipantKind.FunderContact => "Leistungsträger",
        _ => "weitere Person",
    };
}
