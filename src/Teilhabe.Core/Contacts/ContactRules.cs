using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;

namespace Teilhabe.Core.Contacts;

/// <summary>What a user entered for a new contact (CT-01).</summary>
public sealed record ContactDraft(
    DateTimeOffset? OccurredAt,
    ContactForm? Form,
    string? Keywords,
    IReadOnlyList<ParticipantDraft> Participants,
    string? Note,
    IReadOnlyList<string> TopicCodes,
    IReadOnlyList<Guid> OutcomeIds,
    bool PassesProtectedData,
    int? DurationMinutes = null);

public sealed record ParticipantDraft(ParticipantKind Kind, Guid? ReferenceId, string Name);

/// <summary>The facts around a new contact that the rules need.</summary>
public sealed record ContactContext(Case Case, DateTimeOffset Now, StateProfile Profile, bool HasConfidentialityRelease, IReadOnlySet<Guid> InvalidOutcomeIds);

/// <summary>The result of checking a contact: refusals, the CT-02 flag and the PH-P2-03 prompt (not a refusal).</summary>
public sealed record ContactCheck(IReadOnlyList<RuleViolation> Violations, bool Late, RuleViolation? Prompt)
{
    public bool Allowed => Violations.Count == 0;
}

/// <summary>CT-01, CT-02, CT-03, PH-P2-03, PH-FDS-04, PH-FDS-05, DOC-05 for one contact; every violation is reported.</summary>
public static class ContactRules
{
    public static ContactCheck Check(ContactDraft d, ContactContext ctx)
    {
        var v = new List<RuleViolation>();
        var c = ctx.Case;
        if (c.IsAdditionalStatement)
        {
            // PH-FDS-05: a Zusatzauftrag holds no contact notes; they belong to the main case.
            return new([new("PH-FDS-05", "Ein FDS-Zusatzauftrag nimmt keine Kontakte auf; Kontakte werden im Hauptauftrag dokumentiert.", "contacts")], false, null);
        }

        if (c.RestrictedToCommission)
        {
            v.Add(new("PH-FDS-04", "Nach der Rückgabe wegen verweigerter Mitwirkung werden keine Kontakte mehr aufgenommen.", "contacts"));
        }

        if (d.OccurredAt is null)
        {
            v.Add(new("CT-01", "Bitte Datum und Uhrzeit des Kontakts angeben.", "occurredAt"));
        }

        if (d.Form is null)
        {
            v.Add(new("CT-01", "Bitte die Kontaktform angeben (persönlich, telefonisch, schriftlich, elektronisch).", "form"));
        }

        if (string.IsNullOrWhiteSpace(d.Keywords))
        {
            v.Add(new("CT-01", "Bitte Stichworte zum Kontakt angeben (z. B. „Erstgespräch“ oder „Arbeitsplatzbesuch“).", "keywords"));
        }

        if (d.Participants.Count == 0)
        {
            v.Add(new("CT-01", "Bitte mindestens eine beteiligte Person angeben.", "participants"));
        }

        if (d.TopicCodes.Count == 0)
        {
            v.Add(new("CT-01", "Ein Kontakt ist mindestens einer Aufgabe zuzuordnen.", "topicCodes"));
        }

        if (d.OutcomeIds.Count == 0)
        {
            v.Add(new("CT-01", "Ein Kontakt ist mindestens einer LEK zuzuordnen.", "outcomeIds"));
        }

        if (d.OutcomeIds.Any(ctx.InvalidOutcomeIds.Contains))
        {
            v.Add(new("LEK-01", "Eine für ungültig erklärte LEK kann keinem Kontakt mehr zugeordnet werden.", "outcomeIds"));
        }

        if (d.PassesProtectedData && !ctx.HasConfidentialityRelease)
        {
            v.Add(new("DOC-05", "Für die Weitergabe besonders geschützter Daten ist eine Entbindung von der Schweigepflicht im Auftrag hochzuladen.", "passesProtectedData"));
        }

        var late = false;
        if (d.OccurredAt is { } at)
        {
            var today = BerlinTime.ToBerlin(ctx.Now);
            var day = DateOnly.FromDateTime(BerlinTime.ToBerlin(at).DateTime);
            if (at > ctx.Now)
            {
                v.Add(new("CT-03", "Ein Kontakt in der Zukunft kann nicht dokumentiert werden.", "occurredAt"));
            }
            else if (IsBeyondBackdating(day, DateOnly.FromDateTime(today.DateTime), ctx.Profile))
            {
                v.Add(new("CT-03", $"Es kann nichts dokumentiert werden, das mehr als {ctx.Profile.BackdatingWeeks} Wochen zurückliegt.", "occurredAt"));
            }
            else
            {
                late = WorkingDays.Between(day, DateOnly.FromDateTime(today.DateTime), ctx.Profile) > ctx.Profile.LateEntryWorkingDays;
            }
        }

        RuleViolation? prompt = null;

        // PH-P1-01: P1 only clarifies target group and funder; counselling on the matter itself is warned about.
        if (c.Phase == Phase.P1 && d.TopicCodes.Any(t => !ClarificationTopics.Contains(t)))
        {
            prompt = new("PH-P1-01", "In der Kontaktphase (P1) wird nur geklärt, ob die Person zur Zielgruppe gehört und wer Kostenträger ist – eine Beratung in der Sache gehört in P2.", "topicCodes");
        }

        if (c.Phase == Phase.P2 && d.Participants.Any(p => p.Kind != ParticipantKind.Client))
        {
            prompt = new("PH-P2-03", "Ein Kontakt mit Dritten in der Beratungsphase erfordert den Wechsel nach P3 – bitte die Beauftragung vorbereiten.", "phase");
        }

        return new(v, late, v.Count == 0 ? prompt : null);
    }

    /// <summary>
    /// CT-08: a correction is checked like a new contact (CT-01 … CT-03 for the new content), and the contact must
    /// still be open to corrections: not cancelled, and its present date not older than CT-03's window.
    /// </summary>
    public static ContactCheck CheckCorrection(Contact contact, ContactDraft d, ContactContext ctx)
    {
        var today = DateOnly.FromDateTime(BerlinTime.ToBerlin(ctx.Now).DateTime);
        var editable = CheckStillEditable(contact, today, ctx.Profile);
        var check = Check(d, ctx);
        return editable.Count == 0 ? check : new([.. editable, .. check.Violations], check.Late, null);
    }

    /// <summary>CT-08 / CT-03: after the backdating window a contact is read-only; a cancelled one stays as it is.</summary>
    public static IReadOnlyList<RuleViolation> CheckStillEditable(Contact contact, DateOnly today, StateProfile profile)
    {
        if (contact.IsCancelled)
        {
            return [new("CT-08", "Der Kontakt ist storniert und kann nicht mehr geändert werden.", "contact")];
        }

        var day = DateOnly.FromDateTime(BerlinTime.ToBerlin(contact.OccurredAt).DateTime);
        return IsBeyondBackdating(day, today, profile)
            ? [new("CT-03", $"Der Kontakt liegt mehr als {profile.BackdatingWeeks} Wochen zurück und kann nicht mehr korrigiert oder storniert werden.", "occurredAt")]
            : [];
    }

    /// <summary>PH-P1-01: the topics that belong to the clarification of P1 (catalogue group "Abklärung").</summary>
    public static readonly IReadOnlySet<string> ClarificationTopics = new HashSet<string> { "clarify-eligibility", "clarify-funder" };

    /// <summary>CT-03: a date more than the profile's weeks before today.</summary>
    public static bool IsBeyondBackdating(DateOnly day, DateOnly today, StateProfile profile)
        => day < today.AddDays(-7 * profile.BackdatingWeeks);
}

/// <summary>CT-02: working days are Monday to Friday except the state's public holidays.</summary>
public static class WorkingDays
{
    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to, StateProfile profile)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !profile.PublicHolidays(d.Year).Contains(d))
            {
                count++;
            }
        }

        return count;
    }
}
