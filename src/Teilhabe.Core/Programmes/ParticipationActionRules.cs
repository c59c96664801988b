using System.Globalization;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Programmes;

/// <summary>
/// The actions on a participation beyond referral and plan: job start and aftercare (PRG-TR-07), placement
/// prospect (PRG-TR-08), ending it (PRG-TR-05), moving up from the waiting list (PRG-TR-01) and the signed
/// participation contract (PRG-TR-04).
/// </summary>
public static class ParticipationActionRules
{
    /// <summary>
    /// PRG-TR-07: aftercare deadlines. After the job start one contact with the participant and one with the employer
    /// is due each month (counted from the last contact with that party, or from the job start), as long as the
    /// aftercare runs: a due date after the aftercare end is not listed, an unlimited aftercare (null months) keeps
    /// the monthly rhythm until the participation ends.
    /// </summary>
    public const int AftercareIntervalMonths = 1;

    public static readonly IReadOnlyList<(AftercareParty Value, string Code, string Label)> Parties =
    [
        (AftercareParty.Participant, "participant", "Teilnehmende Person"),
        (AftercareParty.Employer, "employer", "Betrieb"),
    ];

    public static readonly IReadOnlyList<(ContactForm Value, string Code, string Label)> Forms =
    [
        (ContactForm.Personal, "personal", "persönlich"),
        (ContactForm.Phone, "phone", "telefonisch"),
        (ContactForm.Written, "written", "schriftlich"),
        (ContactForm.Electronic, "electronic", "elektronisch"),
    ];

    public static readonly IReadOnlyList<(ParticipationEndReason Value, string Code, string Label)> EndReasons =
    [
        (ParticipationEndReason.Placement, "placement", "Vermittlung in Arbeit oder Ausbildung (Nachbetreuung abgeschlossen)"),
        (ParticipationEndReason.ReferralPeriodOver, "referral-period-over", "Zuweisungsdauer abgelaufen"),
        (ParticipationEndReason.Dropout, "dropout", "Abbruch durch die teilnehmende Person"),
        (ParticipationEndReason.Withdrawn, "withdrawn", "Zuweisung von der zuweisenden Stelle zurückgenommen"),
        (ParticipationEndReason.Other, "other", "sonstiger Grund (im Freitext)"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> PlacementKinds =
    [
        ("apprenticeship", "Ausbildung"),
        ("employment", "sozialversicherungspflichtige Beschäftigung"),
    ];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static AftercareParty? ParseParty(string? code) => Parties.Where(p => p.Code == code).Select(p => (AftercareParty?)p.Value).FirstOrDefault();

    public static string PartyCode(AftercareParty p) => Parties.First(x => x.Value == p).Code;

    public static string PartyLabel(AftercareParty p) => Parties.First(x => x.Value == p).Label;

    public static ContactForm? ParseForm(string? code) => Forms.Where(f => f.Code == code).Select(f => (ContactForm?)f.Value).FirstOrDefault();

    public static string FormCode(ContactForm f) => Forms.First(x => x.Value == f).Code;

    public static string FormLabel(ContactForm f) => Forms.First(x => x.Value == f).Label;

    public static ParticipationEndReason? ParseEndReason(string? code) => EndReasons.Where(r => r.Code == code).Select(r => (ParticipationEndReason?)r.Value).FirstOrDefault();

    public static string EndReasonCode(ParticipationEndReason r) => EndReasons.First(x => x.Value == r).Code;

    public static string EndReasonLabel(ParticipationEndReason r) => EndReasons.First(x => x.Value == r).Label;

    public static string PlacementKindLabel(string? kind) => PlacementKinds.Where(k => k.Code == kind).Select(k => k.Label).FirstOrDefault() ?? "—";

    /// <summary>PRG-TR-07: the aftercare runs up to and including job start + the programme's months; null = not limited.</summary>
    public static DateOnly? AftercareEnd(DateOnly jobStart, int? aftercareMonths) => aftercareMonths is { } m ? jobStart.AddMonths(m) : null;

    /// <summary>PRG-TR-05: an ended participation takes no more hours, aftercare contacts or job starts.</summary>
    public static RuleViolation Ended(Participation p, string field)
        => new(ProgrammeRules.ReferralPeriod, string.Create(German,
            $"Die Teilnahme ist seit {p.EndedOn:dd.MM.yyyy} beendet; es werden keine Stunden, Kontakte oder Arbeitsbeginne mehr eingetragen."), field);

    /// <summary>PRG-TR-07 / PRG-TR-08: a job start needs a date and its kind; an ended participation takes none.</summary>
    public static List<RuleViolation> CheckJobStart(Participation p, DateOnly? on, string? kind)
    {
        if (p.Status == ParticipationStatus.Ended)
        {
            return [Ended(p, "on")];
        }

        var errors = new List<RuleViolation>();
        if (on is null)
        {
            errors.Add(RuleViolation.Input("Das Datum des Arbeitsbeginns fehlt.", "on"));
        }
        else if (on < p.ReferredOn)
        {
            errors.Add(new(ProgrammeRules.Aftercare, string.Create(German,
                $"Der Arbeitsbeginn liegt vor der Zuweisung am {p.ReferredOn:dd.MM.yyyy}; bitte das Datum prüfen."), "on"));
        }

        if (PlacementKinds.All(k => k.Code != kind))
        {
            errors.Add(RuleViolation.Input("Die Art des Arbeitsbeginns ist apprenticeship (Ausbildung) oder employment (sozialversicherungspflichtige Beschäftigung).", "kind"));
        }

        return errors;
    }

    /// <summary>
    /// PRG-TR-07: an aftercare contact lies between the job start and the aftercare end (both inclusive), not in the
    /// future, names the party and the form; an ended participation takes none (PRG-TR-05).
    /// </summary>
    public static List<RuleViolation> CheckAftercareContact(Participation p, DateOnly? on, AftercareParty? with, ContactForm? form, string? note, DateOnly today)
    {
        if (p.Status == ParticipationStatus.Ended)
        {
            return [Ended(p, "on")];
        }

        var errors = new List<RuleViolation>();
        if (p.JobStartOn is not { } start)
        {
            errors.Add(new(ProgrammeRules.Aftercare, "Nachbetreuung gibt es erst nach einem Arbeitsbeginn: bitte zuerst den Arbeitsbeginn eintragen.", "on"));
        }
        else if (on is null)
        {
            errors.Add(RuleViolation.Input("Das Datum des Kontakts fehlt.", "on"));
        }
        else if (on > today)
        {
            errors.Add(RuleViolation.Input("Ein Kontakt der Nachbetreuung kann nicht in der Zukunft liegen.", "on"));
        }
        else if (on < start)
        {
            errors.Add(new(ProgrammeRules.Aftercare, string.Create(German,
                $"Der Kontakt am {on:dd.MM.yyyy} liegt vor dem Arbeitsbeginn am {start:dd.MM.yyyy}; die Nachbetreuung beginnt mit dem Arbeitsbeginn."), "on"));
        }
        else if (p.AftercareEndsOn is { } end && on > end)
        {
            errors.Add(new(ProgrammeRules.Aftercare, string.Create(German,
                $"Die Nachbetreuung endete am {end:dd.MM.yyyy}; ein Kontakt am {on:dd.MM.yyyy} liegt danach und wird nicht als Nachbetreuung erfasst."), "on"));
        }

        if (with is null)
        {
            errors.Add(RuleViolation.Input("Mit wem: teilnehmende Person (participant) oder Betrieb (employer).", "with"));
        }

        if (form is null)
        {
            errors.Add(RuleViolation.Input("Die Form des Kontakts ist persönlich, telefonisch, schriftlich oder elektronisch.", "form"));
        }

        InputCheck.MaxLength(errors, "note", note, 4000, "Die Notiz");
        return errors;
    }

    /// <summary>PRG-TR-08: the assessment of the placement prospect has a date, not in the future and not before the referral.</summary>
    public static List<RuleViolation> CheckProspect(Participation p, bool? prospect, DateOnly? on, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (prospect is null)
        {
            errors.Add(RuleViolation.Input("Bitte angeben, ob eine Vermittlungsperspektive besteht (true oder false).", "prospect"));
        }

        if (on is null || on > today)
        {
            errors.Add(RuleViolation.Input("Das Datum der Einschätzung fehlt oder liegt in der Zukunft.", "on"));
        }
        else if (on < p.ReferredOn)
        {
            errors.Add(new(ProgrammeRules.OutcomeReport, string.Create(German,
                $"Die Einschätzung liegt vor der Zuweisung am {p.ReferredOn:dd.MM.yyyy}; sie gehört zur Teilnahme."), "on"));
        }

        return errors;
    }

    /// <summary>PRG-TR-05: a participation ends once, on a day from its referral up to today, with a reason (and a note for „sonstiger Grund“).</summary>
    public static List<RuleViolation> CheckEnd(Participation p, DateOnly? on, ParticipationEndReason? reason, string? note, DateOnly today)
    {
        if (p.Status == ParticipationStatus.Ended)
        {
            return [new(ProgrammeRules.ReferralPeriod, string.Create(German, $"Die Teilnahme ist bereits seit {p.EndedOn:dd.MM.yyyy} beendet."), "on")];
        }

        var errors = new List<RuleViolation>();
        if (on is null || on > today)
        {
            errors.Add(RuleViolation.Input("Das Enddatum fehlt oder liegt in der Zukunft.", "on"));
        }
        else if (on < p.ReferredOn)
        {
            errors.Add(new(ProgrammeRules.ReferralPeriod, string.Create(German,
                $"Das Ende liegt vor der Zuweisung am {p.ReferredOn:dd.MM.yyyy}; bitte das Datum prüfen."), "on"));
        }

        if (reason is null)
        {
            errors.Add(RuleViolation.Input("Bitte einen Grund für das Ende wählen.", "reason"));
        }
        else if (reason == ParticipationEndReason.Other && string.IsNullOrWhiteSpace(note))
        {
            errors.Add(new(ProgrammeRules.ReferralPeriod, "Bei „sonstiger Grund“ bitte den Grund im Freitext nennen.", "note"));
        }

        InputCheck.MaxLength(errors, "note", note, 1000, "Der Freitext");
        return errors;
    }

    /// <summary>PRG-TR-01: the waiting list is first in, first out by referral date (then by order of referral).</summary>
    public static Participation? NextFromWaitingList(IEnumerable<Participation> participations)
        => participations.Where(p => p.Status == ParticipationStatus.Waiting).OrderBy(p => p.ReferredOn).ThenBy(p => p.Id).FirstOrDefault();

    /// <summary>PRG-TR-01: moving up needs someone waiting and a free place within the yearly places.</summary>
    public static List<RuleViolation> CheckMoveUp(Participation? next, int placesUsed, int yearlyPlaces)
    {
        if (next is null)
        {
            return [new(ProgrammeRules.Capacity, "Niemand steht auf der Warteliste.", "moveUp")];
        }

        return placesUsed < yearlyPlaces
            ? []
            : [new(ProgrammeRules.Capacity, string.Create(German,
                $"Kein Platz frei ({placesUsed} von {yearlyPlaces} belegt): nachrücken kann erst jemand, wenn eine Teilnahme endet; sonst über die Kapazität mit Begründung aufnehmen."), "moveUp")];
    }

    /// <summary>PRG-TR-04: the participation contract carries the date it was signed (not in the future); an ended participation takes none.</summary>
    public static List<RuleViolation> CheckContract(Participation p, DateOnly? signedOn, DateOnly today)
    {
        if (p.Status == ParticipationStatus.Ended)
        {
            return [Ended(p, "contractSignedOn")];
        }

        return signedOn is null || signedOn > today
            ? [new(ProgrammeRules.InformationTalk, "Bitte das Datum der Unterschrift unter dem Teilnahmevertrag angeben (nicht in der Zukunft).", "contractSignedOn")]
            : [];
    }
}
