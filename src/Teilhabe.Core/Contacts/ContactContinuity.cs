using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Core.Contacts;

/// <summary>What the continuity rules need to know about a case.</summary>
/// <param name="Phase">The current phase.</param>
/// <param name="IsExpertStatement">FDS case or FDS additional case (PH-FDS-02: no continuity rules).</param>
/// <param name="AppliesSince">When the case entered P2 or P3: measured from here while there is no qualifying contact.</param>
/// <param name="FundedByOtherFunder">CT-07: the funder is known and is not the Integrationsamt.</param>
/// <param name="ContactFrequencyDays">CT-07: the other funder's frequency recorded on the case (ignored for InA cases).</param>
/// <param name="HearingImpaired">CT-05: an e-mail counts as a contact for a hearing-impaired client.</param>
public sealed record ContinuityFacts(
    Phase Phase,
    bool IsExpertStatement,
    DateOnly AppliesSince,
    bool FundedByOtherFunder,
    int? ContactFrequencyDays,
    bool HearingImpaired);

/// <summary>One documented contact as the continuity rules see it.</summary>
public sealed record ContinuityContact(DateOnly Day, ContactForm Form, bool WithClient, int? DurationMinutes = null);

/// <summary>CT-06: an agreed exception period (inclusive).</summary>
public sealed record ContinuityException(DateOnly From, DateOnly To);

/// <summary>A due or overdue continuity item: the rule, its due date and a German message.</summary>
public sealed record ContinuityItem(string Rule, DateOnly DueDate, bool Overdue, string Label, string Message);

/// <summary>
/// CT-04 … CT-07 as one pure function. Decisions taken (DOMAIN.md section 7 leaves them open):
/// <list type="bullet">
/// <item>The rules apply to open cases in P2 and P3; P1 is a single clarifying conversation and is left out, so are closed cases and every FDS case (PH-FDS-02).</item>
/// <item>Only contacts in which the client took part count. CT-04: a personal contact. CT-05: a personal contact, a phone call of at least
/// <see cref="StateProfile.LongPhoneCallMinutes"/> minutes, and for a hearing-impaired client an electronic contact (e-mail); letters do not count.</item>
/// <item>Measured from the last qualifying contact, but never from before the case entered P2/P3 (the rules begin there).</item>
/// <item>CT-06: an exception silences both warnings while today lies within its period; afterwards they return with their dates.</item>
/// <item>CT-07: for another funder's case a recorded frequency in days replaces both intervals; for InA cases it is ignored.</item>
/// </list>
/// </summary>
public static class ContactContinuity
{
    public const string PersonalRule = "CT-04";
    public const string GapRule = "CT-05";

    /// <summary>True when CT-04/CT-05 apply to a case in this state at all.</summary>
    public static bool Applies(ContinuityFacts facts) => !facts.IsExpertStatement && facts.Phase is Phase.P2 or Phase.P3;

    public static IReadOnlyList<ContinuityItem> Evaluate(
        ContinuityFacts facts, IEnumerable<ContinuityContact> contacts, IEnumerable<ContinuityException> exceptions, DateOnly today, StateProfile profile)
    {
        if (!Applies(facts) || exceptions.Any(e => e.From <= today && today <= e.To))
        {
            return [];
        }

        var frequency = facts.FundedByOtherFunder && facts.ContactFrequencyDays is > 0 ? facts.ContactFrequencyDays : null;
        var personalDays = frequency ?? profile.PersonalContactWeeks * 7;
        var gapDays = frequency ?? profile.ContactGapWeeks * 7;
        var list = contacts.Where(c => c.WithClient).ToList();

        var lastPersonal = list.Where(c => c.Form == ContactForm.Personal).Select(c => (DateOnly?)c.Day).Max();
        var lastAny = list.Where(c => Counts(c, facts, profile)).Select(c => (DateOnly?)c.Day).Max();

        var german = CultureInfo.GetCultureInfo("de-DE");
        var personalDue = Later(lastPersonal, facts.AppliesSince).AddDays(personalDays);
        var gapDue = Later(lastAny, facts.AppliesSince).AddDays(gapDays);
        var personalEvery = frequency is null ? $"{profile.PersonalContactWeeks} Wochen" : $"{frequency} Tage (Kontaktfrequenz des Auftraggebers, CT-07)";
        var gapEvery = frequency is null ? $"{profile.ContactGapWeeks} Wochen" : $"{frequency} Tage (Kontaktfrequenz des Auftraggebers, CT-07)";
        return
        [
            new(PersonalRule, personalDue, personalDue < today, "Persönlicher Kontakt mit der Klientin / dem Klienten",
                $"Persönlicher Kontakt mindestens alle {personalEvery}: spätestens am {personalDue.ToString("dd.MM.yyyy", german)}"
                + (personalDue < today ? " – überfällig." : ".")),
            new(GapRule, gapDue, gapDue < today, "Dokumentierter Kontakt",
                $"Höchstens {gapEvery} zwischen zwei dokumentierten Kontakten: nächster Kontakt spätestens am {gapDue.ToString("dd.MM.yyyy", german)}"
                + (gapDue < today ? " – überfällig." : ".")),
        ];
    }

    /// <summary>CT-05: which contacts with the client keep the continuity.</summary>
    public static bool Counts(ContinuityContact c, ContinuityFacts facts, StateProfile profile) => c.WithClient && c.Form switch
    {
        ContactForm.Personal => true,
        ContactForm.Phone => c.DurationMinutes >= profile.LongPhoneCallMinutes,
        ContactForm.Electronic => facts.HearingImpaired,
        _ => false,
    };

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
