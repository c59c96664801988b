using System.Globalization;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Programmes;

/// <summary>The programme rules of DOMAIN.md section 9, as pure functions that pages and API ask alike.</summary>
public static class ProgrammeRules
{
    public const string Capacity = "PRG-TR-01";
    public const string Referral = "PRG-TR-02";
    public const string Eligibility = "PRG-TR-03";
    public const string InformationTalk = "PRG-TR-04";
    public const string ReferralPeriod = "PRG-TR-05";
    public const string IntegrationPlan = "PRG-TR-06";
    public const string Aftercare = "PRG-TR-07";
    public const string OutcomeReport = "PRG-TR-08";
    public const string Modules = "PRG-LO-01";
    public const string HourCap = "PRG-LO-02";
    public const string Billing = "PRG-LO-03";

    /// <summary>PRG-TR-04 default of the templates (seed 002): the appointment is given within 1 week of first contact; programmes keep their own value.</summary>
    public const int InformationTalkDays = 7;

    /// <summary>PRG-TR-05 default of the templates (seed 002); programmes keep their own value.</summary>
    public const int ReferralMonths = 12;

    /// <summary>PRG-TR-08 (seed 002): the placement prospect counts a job expected within this many months.</summary>
    public const int ProspectMonths = 12;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>PRG-TR-02: a referring body that is not in the directory.</summary>
    public static RuleViolation UnknownReferringBody() => new(Referral, "Eine der zuweisenden Stellen ist im Verzeichnis der Leistungsträger nicht bekannt.", "referringBodyIds");

    /// <summary>PRG-TR-02: a programme names at least one referring body.</summary>
    public static RuleViolation ReferringBodyRequired() => new(Referral, "Mindestens eine zuweisende Stelle ist nötig.", "referringBodyIds");

    /// <summary>PRG-TR-01: admitting beyond the places needs a reason.</summary>
    public static RuleViolation OverCapacityNeedsReason() => new(Capacity, "Die Aufnahme über die Kapazität braucht eine Begründung.", "reason");

    /// <summary>PRG-TR-01: only a waiting referral is admitted beyond the places.</summary>
    public static RuleViolation OverCapacityOnlyFromWaitingList() => new(Capacity, "Nur eine Zuweisung auf der Warteliste wird über die Kapazität aufgenommen.", "reason");

    /// <summary>PRG-TR-06: challenge, goal and review date of the plan.</summary>
    public static RuleViolation IntegrationPlanIncomplete() => new(IntegrationPlan, "Der Förder- und Integrationsplan braucht Herausforderung, Ziel und ein Datum der Überprüfung.", "goal");

    /// <summary>PRG-TR-01: hours are booked only for an active participation.</summary>
    public static RuleViolation HoursOnlyForActive() => new(Capacity, "Stunden werden nur für eine aktive Teilnahme gebucht (nicht auf der Warteliste).", "moduleCode");

    /// <summary>PRG-LO-03: invoices to budget holders exist only in the modular programme.</summary>
    public static RuleViolation InvoicesOnlyModular() => new(Billing, "Rechnungen an Budgetnehmer gibt es nur im modularen Programm (Persönliches Budget).", "from");

    /// <summary>PRG-TR-05: an extension of the referral ends after the current end, within the programme's maximum, with a reason.</summary>
    public static List<RuleViolation> CheckExtension(DateOnly currentEnd, DateOnly? latestEnd, int? maxExtensionMonths, DateOnly? until, string? reason)
    {
        var errors = new List<RuleViolation>();
        if (until is null || until <= currentEnd)
        {
            errors.Add(new(ReferralPeriod, "Die Verlängerung braucht ein neues Enddatum nach dem bisherigen Ende.", "until"));
        }
        else if (latestEnd is { } latest && until > latest)
        {
            errors.Add(new(ReferralPeriod, string.Create(German,
                $"Das Programm erlaubt eine Verlängerung um höchstens {maxExtensionMonths} Monate (bis spätestens {latest:dd.MM.yyyy})."), "until"));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            errors.Add(new(ReferralPeriod, "Die Verlängerung der Zuweisung braucht eine Begründung.", "reason"));
        }

        return errors;
    }

    /// <summary>PRG-TR-01: within the yearly places a referral is active; beyond it waits.</summary>
    public static ParticipationStatus StatusForReferral(int activeReferredThisYear, int yearlyPlaces)
        => activeReferredThisYear < yearlyPlaces ? ParticipationStatus.Active : ParticipationStatus.Waiting;

    /// <summary>PRG-TR-02: kinds of referring body each template accepts.</summary>
    public static IReadOnlySet<FunderKind> ReferringKinds(ProgrammeTemplate template) => template == ProgrammeTemplate.Coaching
        ? new HashSet<FunderKind> { FunderKind.EmploymentAgency, FunderKind.Jobcenter }
        : new HashSet<FunderKind> { FunderKind.IntegrationAssistance };

    /// <summary>PRG-TR-02: a programme may only name referring bodies of the kinds its template allows.</summary>
    public static List<RuleViolation> CheckReferringBodies(ProgrammeTemplate template, IReadOnlyList<Funder> bodies)
    {
        var allowed = ReferringKinds(template);
        return bodies.Where(b => !allowed.Contains(b.Kind))
            .Select(b => new RuleViolation(Referral, template == ProgrammeTemplate.Coaching
                ? $"„{b.Name}“ kann nicht zuweisen: beim Einzelcoaching weisen nur Agentur für Arbeit oder Jobcenter zu."
                : $"„{b.Name}“ kann nicht zuweisen: beim Persönlichen Budget ist die zuweisende Stelle die Eingliederungshilfe.", "referringBodyIds"))
            .ToList();
    }

    /// <summary>PRG-TR-02: only the configured referring bodies refer; coaching only under SGB II/III, a Persönliches Budget under SGB IX.</summary>
    public static List<RuleViolation> CheckReferral(Programme programme, Funder? body, LegalSphere sphere)
    {
        var errors = new List<RuleViolation>();
        if (body is null || !programme.MayRefer(body.Id))
        {
            errors.Add(new(Referral, "Nur die für das Programm hinterlegten zuweisenden Stellen dürfen zuweisen.", "referringBodyId"));
        }

        if (programme.Template == ProgrammeTemplate.Coaching)
        {
            if (sphere is not (LegalSphere.Sgb2 or LegalSphere.Sgb3))
            {
                errors.Add(new(Referral, "Eine Zuweisung zum Einzelcoaching erfolgt nach SGB II (Jobcenter) oder SGB III (Agentur für Arbeit).", "legalSphere"));
            }
            else if (body is not null && ((body.Kind == FunderKind.Jobcenter && sphere != LegalSphere.Sgb2) || (body.Kind == FunderKind.EmploymentAgency && sphere != LegalSphere.Sgb3)))
            {
                errors.Add(new(Referral, "Ein Jobcenter weist nach SGB II zu, die Agentur für Arbeit nach SGB III.", "legalSphere"));
            }
        }
        else if (sphere != LegalSphere.Sgb9)
        {
            errors.Add(new(Referral, "Beim Persönlichen Budget weist die Eingliederungshilfe nach SGB IX zu.", "legalSphere"));
        }

        return errors;
    }

    public sealed record BookingCheck(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<RuleViolation> Warnings);

    /// <summary>
    /// PRG-LO-01 (Einstiegsphase first, Jobcoaching not booked) and PRG-LO-02 (hour cap, cap per month,
    /// maximum duration refuse; below the minimum duration only warns) for a new booking.
    /// </summary>
    public static BookingCheck CheckBooking(IReadOnlyList<ModuleDefinition> modules, IReadOnlyList<ModuleBooking> existing, string? moduleCode, DateOnly date, decimal hours)
    {
        var errors = new List<RuleViolation>();
        var warnings = new List<RuleViolation>();
        var open = modules.Where(m => m.Bookable && !m.Retired).ToList();
        if (open.Count == 0)
        {
            errors.Add(new(Modules, "Stunden werden nur in einem Programm mit buchbaren Modulen gebucht.", "moduleCode"));
            return new(errors, warnings);
        }

        var module = ProgrammeModules.Find(modules, moduleCode);
        if (module is null)
        {
            errors.Add(new(RuleIds.Input, $"Das Modul ist {Alternatives(open.Select(m => m.Code))}.", "moduleCode"));
            return new(errors, warnings);
        }

        if (!module.Bookable)
        {
            errors.Add(new(Modules, $"{module.Label}: dieses Modul läuft als Auftrag des IFD und wird hier nur verknüpft, nicht gebucht.", "moduleCode"));
            return new(errors, warnings);
        }

        if (module.Retired)
        {
            errors.Add(new(Modules, $"Das Modul {module.Label} ist stillgelegt und nimmt keine neuen Buchungen an.", "moduleCode"));
            return new(errors, warnings);
        }

        if (hours <= 0 || hours > 24)
        {
            errors.Add(new(RuleIds.Input, "Die Stunden liegen zwischen 0 und 24 je Tag.", "hours"));
            return new(errors, warnings);
        }

        var entry = modules.Where(m => m.IsEntry).ToList();
        if (entry.Count > 0 && !module.IsEntry && !existing.Any(b => entry.Any(e => e.Code == b.ModuleCode) && b.Date <= date))
        {
            errors.Add(new(Modules, $"Das Modul {module.Label} kann erst nach dem Einstiegsmodul ({string.Join(", ", entry.Select(e => e.Label))}) gebucht werden.", "moduleCode"));
        }

        var same = existing.Where(b => b.ModuleCode == module.Code).ToList();
        var used = same.Sum(b => b.Hours);
        if (module.HourCap is { } cap && used + hours > cap)
        {
            errors.Add(new(HourCap, string.Create(German,
                $"Die Obergrenze der {module.Label} von {cap:0.##} Stunden wäre überschritten (gebucht {used:0.##}, neu {hours:0.##})."), "hours"));
        }

        if (module.HoursPerMonthCap is { } monthCap)
        {
            var inMonth = same.Where(b => b.Date.Year == date.Year && b.Date.Month == date.Month).Sum(b => b.Hours);
            if (inMonth + hours > monthCap)
            {
                errors.Add(new(HourCap, string.Create(German,
                    $"Die Obergrenze der {module.Label} von {monthCap:0.##} Stunden je Monat wäre überschritten (im Monat gebucht {inMonth:0.##}, neu {hours:0.##})."), "hours"));
            }
        }

        var dates = same.Select(b => b.Date).Append(date).ToList();
        var start = dates.Min();
        var last = dates.Max();
        if (last > module.LatestDay(start))
        {
            errors.Add(new(HourCap, string.Create(German,
                $"Die {module.Label} dauert höchstens {module.MaxDuration} {(module.Unit == DurationUnit.Weeks ? "Wochen" : "Monate")} (Beginn {start:dd.MM.yyyy}, spätestens bis {module.LatestDay(start):dd.MM.yyyy})."), "date"));
        }

        if (errors.Count == 0 && module.HourCap is { } full && used + hours == full && last < module.MinimumEnd(start))
        {
            warnings.Add(new(HourCap, string.Create(German,
                $"Die {module.Label} ist mit dieser Buchung ausgeschöpft, aber kürzer als die Mindestdauer von {module.MinDuration} {(module.Unit == DurationUnit.Weeks ? "Wochen" : "Monaten")}."), "date"));
        }

        return new(errors, warnings);
    }

    /// <summary>PRG-LO-02 display: is the module (so far) shorter than its minimum duration?</summary>
    public static bool BelowMinimumDuration(ModuleDefinition module, IEnumerable<ModuleBooking> bookings)
    {
        var dates = bookings.Where(b => b.ModuleCode == module.Code).Select(b => b.Date).ToList();
        return dates.Count > 0 && module.MinDuration > 0 && dates.Max() < module.MinimumEnd(dates.Min());
    }

    public sealed record InvoiceLine(string ModuleCode, string Label, decimal Hours, decimal Rate, decimal Amount);

    /// <summary>PRG-LO-03: hours × rate per module for the bookings in [from, to].</summary>
    public static IReadOnlyList<InvoiceLine> InvoiceLines(IEnumerable<ModuleBooking> bookings, DateOnly from, DateOnly to, IReadOnlyList<ModuleDefinition> modules, Func<string, decimal> rateFor)
        => bookings.Where(b => b.Date >= from && b.Date <= to)
            .GroupBy(b => b.ModuleCode)
            .Select(g =>
            {
                var module = ProgrammeModules.Find(modules, g.Key);
                var index = module is null ? int.MaxValue : modules.ToList().IndexOf(module);
                var hours = g.Sum(b => b.Hours);
                var rate = rateFor(g.Key);
                return (index, line: new InvoiceLine(g.Key, module?.Label ?? g.Key, hours, rate, decimal.Round(hours * rate, 2)));
            })
            .OrderBy(x => x.index)
            .Select(x => x.line)
            .ToList();

    /// <summary>"a, b oder c" for messages.</summary>
    public static string Alternatives(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : $"{string.Join(", ", list.Take(list.Count - 1))} oder {list[^1]}";
    }
}
