using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Profiles;

namespace Teilhabe.UnitTests.Contacts;

/// <summary>CT-04 … CT-07 as the pure function ContactContinuity.Evaluate.</summary>
public sealed class ContactContinuityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly StateProfile Profile = StateProfiles.Thuringia;

    private static ContinuityFacts Facts(Phase phase = Phase.P3, int sinceDaysAgo = 200, bool other = false, int? frequency = null, bool hearing = false, bool fds = false)
        => new(phase, fds, Today.AddDays(-sinceDaysAgo), other, frequency, hearing);

    private static ContinuityContact Personal(int daysAgo) => new(Today.AddDays(-daysAgo), ContactForm.Personal, WithClient: true);

    private static IReadOnlyList<ContinuityItem> Evaluate(ContinuityFacts facts, IEnumerable<ContinuityContact> contacts, params ContinuityException[] exceptions)
        => ContactContinuity.Evaluate(facts, contacts, exceptions, Today, Profile);

    private static ContinuityItem Item(IReadOnlyList<ContinuityItem> items, string rule) => Assert.Single(items, i => i.Rule == rule);

    [Fact]
    [Trait("Rule", "CT-04")]
    public void CT04_a_personal_contact_is_due_eight_weeks_after_the_last_one()
    {
        var items = Evaluate(Facts(), [Personal(10)]);
        var item = Item(items, "CT-04");
        Assert.Equal(Today.AddDays(-10 + 56), item.DueDate);
        Assert.False(item.Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-04")]
    public void CT04_without_a_personal_contact_for_more_than_eight_weeks_it_is_overdue()
    {
        var item = Item(Evaluate(Facts(), [Personal(57)]), "CT-04");
        Assert.True(item.Overdue);
        Assert.Contains("überfällig", item.Message, StringComparison.Ordinal);
        Assert.False(Item(Evaluate(Facts(), [Personal(56)]), "CT-04").Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-04")]
    public void CT04_a_phone_call_or_a_contact_without_the_client_is_not_a_personal_contact()
    {
        var contacts = new[]
        {
            Personal(70),
            new ContinuityContact(Today.AddDays(-5), ContactForm.Phone, true, 60),
            new ContinuityContact(Today.AddDays(-3), ContactForm.Personal, WithClient: false),
        };
        var item = Item(Evaluate(Facts(), contacts), "CT-04");
        Assert.Equal(Today.AddDays(-70 + 56), item.DueDate);
        Assert.True(item.Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-04")]
    [Trait("Rule", "CT-05")]
    public void CT04_without_any_contact_it_is_measured_from_the_phase_start()
    {
        var items = Evaluate(Facts(sinceDaysAgo: 20), []);
        Assert.Equal(Today.AddDays(-20 + 56), Item(items, "CT-04").DueDate);
        Assert.Equal(Today.AddDays(-20 + 28), Item(items, "CT-05").DueDate);
        Assert.All(items, i => Assert.False(i.Overdue));
    }

    [Fact]
    [Trait("Rule", "CT-04")]
    public void CT04_a_contact_before_the_case_entered_P2_or_P3_does_not_date_the_warning_back()
    {
        var item = Item(Evaluate(Facts(sinceDaysAgo: 10), [Personal(100)]), "CT-04");
        Assert.Equal(Today.AddDays(-10 + 56), item.DueDate);
    }

    [Theory]
    [Trait("Rule", "CT-04")]
    [Trait("Rule", "CT-05")]
    [InlineData(Phase.P1)]
    [InlineData(Phase.P4)]
    public void CT04_CT05_do_not_apply_in_P1_or_to_closed_cases(Phase phase)
        => Assert.Empty(Evaluate(Facts(phase: phase), []));

    [Fact]
    [Trait("Rule", "CT-05")]
    public void CT05_at_most_four_weeks_between_two_documented_contacts()
    {
        var item = Item(Evaluate(Facts(), [Personal(29)]), "CT-05");
        Assert.Equal(Today.AddDays(-1), item.DueDate);
        Assert.True(item.Overdue);
        Assert.False(Item(Evaluate(Facts(), [Personal(28)]), "CT-05").Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-05")]
    public void CT05_a_long_phone_call_counts()
    {
        var contacts = new[] { Personal(40), new ContinuityContact(Today.AddDays(-5), ContactForm.Phone, true, Profile.LongPhoneCallMinutes) };
        var item = Item(Evaluate(Facts(), contacts), "CT-05");
        Assert.Equal(Today.AddDays(-5 + 28), item.DueDate);
        Assert.False(item.Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-05")]
    public void CT05_a_short_phone_call_or_one_without_duration_does_not_count()
    {
        var contacts = new[]
        {
            Personal(40),
            new ContinuityContact(Today.AddDays(-5), ContactForm.Phone, true, Profile.LongPhoneCallMinutes - 1),
            new ContinuityContact(Today.AddDays(-4), ContactForm.Phone, true),
        };
        var item = Item(Evaluate(Facts(), contacts), "CT-05");
        Assert.Equal(Today.AddDays(-40 + 28), item.DueDate);
        Assert.True(item.Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-05")]
    public void CT05_an_email_counts_only_for_hearing_impaired()
    {
        var contacts = new[] { Personal(40), new ContinuityContact(Today.AddDays(-3), ContactForm.Electronic, true) };
        Assert.True(Item(Evaluate(Facts(hearing: false), contacts), "CT-05").Overdue);
        var hearing = Item(Evaluate(Facts(hearing: true), contacts), "CT-05");
        Assert.False(hearing.Overdue);
        Assert.Equal(Today.AddDays(-3 + 28), hearing.DueDate);
    }

    [Fact]
    [Trait("Rule", "CT-05")]
    public void CT05_a_letter_does_not_count()
    {
        var contacts = new[] { Personal(40), new ContinuityContact(Today.AddDays(-3), ContactForm.Written, true) };
        Assert.True(Item(Evaluate(Facts(hearing: true), contacts), "CT-05").Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-06")]
    public void CT06_an_exception_silences_both_warnings_only_within_its_period()
    {
        var contacts = new[] { Personal(100) };
        Assert.Equal(2, Evaluate(Facts(), contacts).Count(i => i.Overdue));

        Assert.Empty(Evaluate(Facts(), contacts, new ContinuityException(Today.AddDays(-10), Today.AddDays(10))));
        Assert.Empty(Evaluate(Facts(), contacts, new ContinuityException(Today, Today)));

        var ended = Evaluate(Facts(), contacts, new ContinuityException(Today.AddDays(-30), Today.AddDays(-1)));
        Assert.Equal(["CT-04", "CT-05"], ended.Where(i => i.Overdue).Select(i => i.Rule).Order());
        var future = Evaluate(Facts(), contacts, new ContinuityException(Today.AddDays(1), Today.AddDays(30)));
        Assert.Equal(2, future.Count(i => i.Overdue));
    }

    [Fact]
    [Trait("Rule", "CT-07")]
    public void CT07_another_funders_frequency_replaces_the_intervals()
    {
        var contacts = new[] { Personal(20) };
        var items = Evaluate(Facts(other: true, frequency: 14), contacts);
        Assert.Equal(Today.AddDays(-20 + 14), Item(items, "CT-04").DueDate);
        Assert.Equal(Today.AddDays(-20 + 14), Item(items, "CT-05").DueDate);
        Assert.All(items, i => Assert.True(i.Overdue));
        Assert.Contains("14 Tage", Item(items, "CT-05").Message, StringComparison.Ordinal);

        var longer = Evaluate(Facts(other: true, frequency: 90), [Personal(70)]);
        Assert.All(longer, i => Assert.False(i.Overdue));
    }

    [Fact]
    [Trait("Rule", "CT-07")]
    public void CT07_without_a_recorded_frequency_another_funders_case_keeps_the_usual_intervals()
    {
        var items = Evaluate(Facts(other: true, frequency: null), [Personal(20)]);
        Assert.Equal(Today.AddDays(-20 + 56), Item(items, "CT-04").DueDate);
        Assert.Equal(Today.AddDays(-20 + 28), Item(items, "CT-05").DueDate);
    }

    [Fact]
    [Trait("Rule", "CT-07")]
    public void CT07_a_frequency_on_an_integration_office_case_is_ignored()
    {
        var items = Evaluate(Facts(other: false, frequency: 7), [Personal(20)]);
        Assert.Equal(Today.AddDays(-20 + 56), Item(items, "CT-04").DueDate);
        Assert.All(items, i => Assert.False(i.Overdue));
    }

    [Fact]
    [Trait("Rule", "PH-FDS-02")]
    public void PHFDS02_fds_cases_have_no_continuity_warnings()
    {
        Assert.Empty(Evaluate(Facts(phase: Phase.FP3, fds: true), [Personal(300)]));
        Assert.Empty(Evaluate(Facts(phase: Phase.P3, fds: true), [Personal(300)]));
    }
}
