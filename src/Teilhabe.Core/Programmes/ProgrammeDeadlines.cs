namespace Teilhabe.Core.Programmes;

/// <summary>A due or overdue item of a participation (section 10 "Wiedervorlage").</summary>
public sealed record ProgrammeDeadline(string Rule, string Label, DateOnly DueOn, bool Overdue, Guid ParticipationId);

/// <summary>The deadlines of a participation, for the participation page and the general deadline list.</summary>
public static class ProgrammeDeadlines
{
    /// <summary>PRG-TR-05: the referral end is listed from this many days before it.</summary>
    public const int ReferralEndLeadDays = 14;

    public static IReadOnlyList<ProgrammeDeadline> For(Participation p, DateOnly today)
    {
        var items = new List<ProgrammeDeadline>();
        if (p.Status == ParticipationStatus.Ended)
        {
            return items;
        }

        if (p.InformationTalkOn is null)
        {
            var due = p.InformationTalkDue;
            var days = due.DayNumber - p.FirstContactOn.DayNumber;
            var label = days == 7 ? "1 Woche" : days == 1 ? "1 Tag" : $"{days} Tage";
            items.Add(new(ProgrammeRules.InformationTalk, $"Termin für das Informationsgespräch geben ({label} nach Erstkontakt)", due, today > due, p.Id));
        }

        if (p.Status == ParticipationStatus.Active && today >= p.ReferralEndsOn.AddDays(-ReferralEndLeadDays))
        {
            items.Add(new(ProgrammeRules.ReferralPeriod, "Zuweisung endet: verlängern (mit Begründung) oder beenden", p.ReferralEndsOn, today > p.ReferralEndsOn, p.Id));
        }

        foreach (var entry in p.Plan.Where(e => e.ReviewOn <= today.AddDays(7)))
        {
            items.Add(new(ProgrammeRules.IntegrationPlan, $"Förder- und Integrationsplan überprüfen: {entry.Goal}", entry.ReviewOn, today > entry.ReviewOn, p.Id));
        }

        // PRG-TR-07: the next aftercare contact per party (rhythm in ParticipationActionRules.AftercareIntervalMonths).
        if (p.JobStartOn is { } start)
        {
            foreach (var (party, _, label) in ParticipationActionRules.Parties)
            {
                var last = p.Aftercare.Where(c => c.With == party).Select(c => (DateOnly?)c.On).Max() ?? start;
                var due = last.AddMonths(ParticipationActionRules.AftercareIntervalMonths);
                if (p.AftercareEndsOn is null || due <= p.AftercareEndsOn)
                {
                    items.Add(new(ProgrammeRules.Aftercare, $"Nachbetreuung: nächster Kontakt ({label})", due, today > due, p.Id));
                }
            }
        }

        return items.OrderBy(i => i.DueOn).ToList();
    }
}
