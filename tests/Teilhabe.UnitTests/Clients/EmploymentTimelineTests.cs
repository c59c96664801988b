using Teilhabe.Core.Clients;

namespace Teilhabe.UnitTests.Clients;

/// <summary>EMP-01: the employment timeline with expected ("voraussichtlich") and occurred ("eingetroffen") situations.</summary>
public sealed class EmploymentTimelineTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void EMP01_a_situation_dated_in_the_future_is_expected()
    {
        var client = new ClientBuilder().Build();
        var future = client.AddEmployment("unemployed", Today.AddMonths(2), null, Today);
        Assert.Equal(EmploymentState.Expected, future.State);
        Assert.False(future.AwaitsConfirmation(Today));
    }

    [Fact]
    public void EMP01_a_situation_dated_today_or_earlier_has_occurred()
    {
        var client = new ClientBuilder().Build();
        Assert.Equal(EmploymentState.Occurred, client.AddEmployment("employed", Today, null, Today).State);
        Assert.Equal(EmploymentState.Occurred, client.AddEmployment("employed", Today.AddYears(-3), null, Today).State);
    }

    [Fact]
    public void EMP01_confirming_before_the_date_is_refused_with_the_rule_id()
    {
        var client = new ClientBuilder().Build();
        var future = client.AddEmployment("old-age-pension", Today.AddDays(10), null, Today);
        var violations = future.Confirm(Today);
        Assert.Equal("EMP-01", Assert.Single(violations).Rule);
        Assert.Equal(EmploymentState.Expected, future.State);
    }

    [Fact]
    public void EMP01_once_the_date_has_passed_the_situation_awaits_and_takes_confirmation()
    {
        var client = new ClientBuilder().Build();
        var situation = client.AddEmployment("unemployed", Today.AddDays(10), null, Today);
        var later = Today.AddDays(11);
        Assert.True(situation.AwaitsConfirmation(later));
        Assert.Empty(situation.Confirm(later));
        Assert.Equal(EmploymentState.Occurred, situation.State);
        Assert.Equal(later, situation.ConfirmedOn);
    }

    [Fact]
    public void EMP01_the_situation_in_force_is_the_latest_that_has_started()
    {
        var client = new ClientBuilder().Build();
        client.AddEmployment("employed", new DateOnly(2020, 1, 1), null, Today);
        client.AddEmployment("unemployed", Today.AddMonths(1), null, Today);
        Assert.Equal("employed", client.EmploymentOn(Today)!.KindCode);
        Assert.Equal("unemployed", client.EmploymentOn(Today.AddMonths(2))!.KindCode);
    }
}
