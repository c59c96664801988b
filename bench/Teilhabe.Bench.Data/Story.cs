using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;

namespace Teilhabe.Bench.Data;

/// <summary>The contacts and LEK of one case, generated from its own random stream (the same in every pass).</summary>
public sealed class Story
{
    public sealed class ContactRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public Phase Phase { get; init; }
        public ContactForm Form { get; init; }
        public string Keywords { get; init; } = string.Empty;
        public string Note { get; init; } = string.Empty;
        public int? Duration { get; init; }
        public bool Late { get; init; }
        public bool Protected { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public bool WithClient { get; init; }
        public int Employer { get; init; } = -1;
        public bool WithFunder { get; init; }
        public string[] Topics { get; init; } = [];
        public List<int> Outcomes { get; } = [];
    }

    public sealed class OutcomeRow
    {
        public Guid Id { get; set; }
        public string Code { get; init; } = string.Empty;
        public Guid? Funder { get; init; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public DateOnly? EnteredOn { get; set; }
        public int Linked { get; set; }
        public bool Invalid { get; init; }
    }

    private static readonly (ContactForm, double)[] Forms = [(ContactForm.Personal, 0.45), (ContactForm.Phone, 0.35), (ContactForm.Written, 0.08), (ContactForm.Electronic, 0.12)];
    private static readonly string[] TopicCodes = [.. Teilhabe.Core.Catalogues.CatalogueSeed.All().Where(s => s.Catalogue == Teilhabe.Core.Catalogues.CatalogueNames.Topics).Select(s => s.Code)];
    private static readonly string[] OutcomeCodes = [.. Teilhabe.Core.Catalogues.CatalogueSeed.All().Where(s => s.Catalogue == Teilhabe.Core.Catalogues.CatalogueNames.Outcomes).Select(s => s.Code)];
    private static readonly HashSet<string> PresetCodes = [.. Teilhabe.Core.Catalogues.CatalogueSeed.All().Where(s => s.Catalogue == Teilhabe.Core.Catalogues.CatalogueNames.Outcomes && s.PresetsCaseFunder).Select(s => s.Code)];

    public List<ContactRow> Contacts { get; } = [];
    public List<OutcomeRow> Outcomes { get; } = [];

    public static Story Of(Plan plan, CasePlan c)
    {
        var rng = new Rng(plan.Seed, 30, c.Index);
        var story = new Story();
        var end = c.End(plan.Today);
        var first = c.Start.DayNumber;
        var span = Math.Max(1, end.DayNumber - first);
        var days = new int[c.Anonymised is null ? c.Contacts : 0];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = first + rng.Next(span);
        }

        Array.Sort(days);
        foreach (var day in days)
        {
            var date = DateOnly.FromDayNumber(day);
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(rng.Next(6, 16), rng.Next(4) * 15), DateTimeKind.Utc));
            var form = rng.Weighted(Forms);
            var late = rng.Chance(0.04);
            var recorded = at.AddHours(late ? rng.Next(24 * 5, 24 * 20) : rng.Next(1, 48));
            if (recorded.UtcDateTime.Date > plan.Today.ToDateTime(TimeOnly.MinValue))
            {
                recorded = at.AddMinutes(30);
            }

            var topics = new HashSet<string>(StringComparer.Ordinal);
            var topicCount = rng.Next(1, 4);
            while (topics.Count < topicCount)
            {
                topics.Add(rng.Pick(TopicCodes));
            }

            story.Contacts.Add(new ContactRow
            {
                Id = rng.Guid7(recorded),
                OccurredAt = at,
                Phase = c.PhaseOn(date),
                Form = form,
                Keywords = rng.Pick(Names.ContactKeywords),
                Note = rng.Pick(Names.ContactNotes),
                Duration = form is ContactForm.Personal or ContactForm.Phone ? rng.Next(1, 13) * 10 : null,
                Late = late,
                Protected = rng.Chance(0.03),
                RecordedAt = recorded,
                WithClient = form == ContactForm.Personal ? rng.Chance(0.9) : rng.Chance(0.6),
                Employer = rng.Chance(0.3) ? rng.Next(plan.State.Employers[c.Service].Length) : -1,
                WithFunder = rng.Chance(0.08),
                Topics = [.. topics],
            });
        }

        for (var k = 0; k < c.Leks; k++)
        {
            var code = rng.Pick(OutcomeCodes);
            var outcome = new OutcomeRow
            {
                Code = code,
                Funder = PresetCodes.Contains(code) ? c.Funder : rng.Chance(0.5) ? plan.State.HealthInsurer : c.Funder,
                Invalid = rng.Chance(0.02),
            };
            if (story.Contacts.Count > 0)
            {
                // LEK-02: dates come from the linked contacts; the LEK is created with its first contact.
                var at = rng.Next(story.Contacts.Count);
                var links = 1 + (rng.Chance(0.5) ? rng.Next(4) : 0);
                for (var l = 0; l < links && at < story.Contacts.Count; l++, at += 1 + rng.Next(3))
                {
                    var contact = story.Contacts[at];
                    contact.Outcomes.Add(story.Outcomes.Count);
                    var date = DateOnly.FromDateTime(contact.OccurredAt.UtcDateTime);
                    if (outcome.Start is null)
                    {
                        outcome.CreatedAt = contact.RecordedAt.AddSeconds(-30);
                        outcome.EnteredOn = DateOnly.FromDateTime(contact.RecordedAt.UtcDateTime);
                    }

                    outcome.Start = outcome.Start is { } s && s < date ? s : date;
                    outcome.End = outcome.End is { } e && e > date ? e : date;
                    outcome.Linked++;
                }
            }
            else
            {
                // Anonymised case (DEL-01): the contacts are gone, the LEK and its dates stay for the statistics.
                var from = (c.P2 ?? c.Start).DayNumber;
                var start = DateOnly.FromDayNumber(from + rng.Next(Math.Max(1, end.DayNumber - from)));
                outcome.Start = start;
                outcome.End = DateOnly.FromDayNumber(Math.Min(end.DayNumber, start.DayNumber + rng.Next(120)));
                outcome.EnteredOn = start.AddDays(rng.Next(3));
                outcome.CreatedAt = new DateTimeOffset(start.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
                outcome.Linked = 1 + rng.Next(4);
            }

            outcome.Id = rng.Guid7(outcome.CreatedAt);
            story.Outcomes.Add(outcome);
        }

        return story;
    }
}
