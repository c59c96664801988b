using Teilhabe.Core.Rules;

namespace Teilhabe.UnitTests.Cases;

/// <summary>The one service result: success with warnings, refusal with violations, not found, forbidden, conflict.</summary>
public sealed class ResultTests
{
    [Fact]
    public void A_refusal_carries_its_violations_and_a_failure_passes_on_to_another_value_type()
    {
        var refused = Result<string>.Invalid(new RuleViolation("BA-SI-01", "Grund fehlt.", "reason"));
        Assert.False(refused.Succeeded);
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        var passed = refused.Fail<int>();
        Assert.Equal((ResultStatus.Invalid, "BA-SI-01"), (passed.Status, passed.Violations.Single().Rule));
        Assert.Throws<ArgumentException>(() => Result<string>.Invalid([]));
    }

    [Fact]
    public void A_conflict_speaks_the_one_wording_unless_it_names_its_clash()
    {
        Assert.Equal(ResultMessages.Conflict, Result<int>.Conflict().ConflictMessage);
        Assert.Equal("Schon vergeben.", Result<int>.Conflict(RuleViolation.Input("Schon vergeben.", "userName")).ConflictMessage);
        Assert.Contains("inzwischen von jemand anderem geändert", ResultMessages.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_keeps_the_warnings_and_deconstructs_into_value_and_no_violations()
    {
        var ok = Result<string>.Ok("x", [new RuleViolation("PRG-CAP-02", "Warnung")]);
        var (value, violations) = ok;
        Assert.Equal(("x", 0, 1), (value, violations.Count, ok.Warnings.Count));
        Assert.Throws<InvalidOperationException>(() => ok.Fail<int>());
    }
}
