using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.UnitTests.Cases;

namespace Teilhabe.UnitTests.Contacts;

public sealed class ContactRuleTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static List<string> Rules(ContactCheck check) => [.. check.Violations.Select(v => v.Rule).Distinct()];

    [Fact]
    [Trait("Rule", "CT-01")]
    public void CT01_a_complete_contact_is_accepted()
    {
        var check = new ContactBuilder().Check();
        Assert.True(check.Allowed);
        Assert.False(check.Late);
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public void CT01_a_contact_without_date_form_topic_or_LEK_is_refused_listing_every_gap()
    {
        var check = new ContactBuilder().OccurredAt(null).WithForm(null).WithoutTopics().WithoutOutcomes().Check();
        Assert.Equal(["CT-01"], Rules(check));
        Assert.Equal(["occurredAt", "form", "topicCodes", "outcomeIds"], check.Violations.Select(v => v.Field));
    }

    [Theory]
    [Trait("Rule", "CT-01")]
    [InlineData(null)]
    [InlineData("   ")]
    public void CT01_a_contact_without_keywords_is_refused_naming_the_keywords(string? keywords)
    {
        var check = new ContactBuilder().WithKeywords(keywords).Check();
        var violation = Assert.Single(check.Violations);
        Assert.Equal(("CT-01", "keywords"), (violation.Rule, violation.Field));
        Assert.Contains("Stichworte", violation.Message);
    }

    [Fact]
    [Trait("Rule", "CT-02")]
    public void CT02_five_working_days_across_a_weekend_are_on_time_six_are_late()
    {
        Assert.False(new ContactBuilder().Now(Monday).OccurredOn(new DateOnly(2026, 11, 16)).Check().Late);
        var late = new ContactBuilder().Now(Monday).OccurredOn(new DateOnly(2026, 11, 13)).Check();
        Assert.True(late.Allowed);
        Assert.True(late.Late);
    }

    [Fact]
    [Trait("Rule", "CT-02")]
    public void CT02_a_public_holiday_does_not_count_as_working_day()
    {
        // 25 Dec 2026 is a Friday; Monday 21 Dec to Tuesday 29 Dec spans five working days only.
        var tuesday = new DateOnly(2026, 12, 29);
        Assert.False(new ContactBuilder().Now(tuesday).OccurredOn(new DateOnly(2026, 12, 21)).Check().Late);
        Assert.True(new ContactBuilder().Now(tuesday).OccurredOn(new DateOnly(2026, 12, 18)).Check().Late);
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public void CT03_a_contact_older_than_six_weeks_is_refused_exactly_six_weeks_is_accepted()
    {
        Assert.True(new ContactBuilder().Now(Monday).OccurredOn(Monday.AddDays(-42)).Check().Allowed);
        var refused = new ContactBuilder().Now(Monday).OccurredOn(Monday.AddDays(-43)).Check();
        Assert.Equal(["CT-03"], Rules(refused));
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public void CT03_a_contact_in_the_future_is_refused()
    {
        var refused = new ContactBuilder().Now(Monday).OccurredAt(ContactBuilder.At(Monday, 12).AddHours(2)).Check();
        Assert.Equal(["CT-03"], Rules(refused));
    }

    [Fact]
    [Trait("Rule", "PH-P1-01")]
    public void PHP101_a_P1_contact_with_a_counselling_topic_is_accepted_with_a_warning_clarification_topics_are_not()
    {
        var (p1, _) = new CaseBuilder().Build();
        var counselling = new ContactBuilder().OnCase(p1).WithTopics("clarify-eligibility", "counselling-job").Check();
        Assert.True(counselling.Allowed);
        Assert.Equal("PH-P1-01", counselling.Prompt?.Rule);

        Assert.Null(new ContactBuilder().OnCase(p1).WithTopics("clarify-eligibility", "clarify-funder").Check().Prompt);
    }

    [Fact]
    [Trait("Rule", "PH-P2-03")]
    public void PHP203_a_contact_with_an_employer_in_P2_is_accepted_with_a_prompt_to_move_to_P3()
    {
        var (p2, _) = new CaseBuilder().InPhase(Phase.P2).Build();
        var check = new ContactBuilder().OnCase(p2).WithParticipant(ParticipantKind.InstitutionContact).Check();
        Assert.True(check.Allowed);
        Assert.Equal("PH-P2-03", check.Prompt?.Rule);

        Assert.Null(new ContactBuilder().OnCase(p2).Check().Prompt);
        var (p3, _) = new CaseBuilder().InPhase(Phase.P3).Build();
        Assert.Null(new ContactBuilder().OnCase(p3).WithParticipant(ParticipantKind.FunderContact).Check().Prompt);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public void PHFDS05_an_additional_FDS_case_takes_no_contacts()
    {
        var (extra, _) = new CaseBuilder().AsExpertStatement(parent: Guid.NewGuid(), legalBasis: "fds-27-schwbav").Build();
        Assert.Equal(["PH-FDS-05"], Rules(new ContactBuilder().OnCase(extra).Check()));
    }

    [Fact]
    [Trait("Rule", "PH-FDS-04")]
    public void PHFDS04_a_case_restricted_to_its_commission_takes_no_new_contacts()
    {
        var (fds, _) = new CaseBuilder().AsExpertStatement().Build();
        fds.MoveTo(Phase.FP5, Monday, "cw", DateTimeOffset.UtcNow, "client-refuses", null, null);
        Assert.Contains("PH-FDS-04", Rules(new ContactBuilder().OnCase(fds).Check()));
    }

    [Fact]
    [Trait("Rule", "DOC-05")]
    public void DOC05_passing_on_protected_data_needs_a_confidentiality_release_on_the_case()
    {
        Assert.Equal(["DOC-05"], Rules(new ContactBuilder().PassingProtectedData(releaseOnCase: false).Check()));
        Assert.True(new ContactBuilder().PassingProtectedData(releaseOnCase: true).Check().Allowed);
    }

    [Fact]
    [Trait("Rule", "LEK-01")]
    public void LEK01_a_contact_cannot_be_linked_to_an_invalid_LEK()
        => Assert.Equal(["LEK-01"], Rules(new ContactBuilder().WithInvalidOutcome().Check()));
}
