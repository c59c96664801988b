using Teilhabe.Core.Accounts;
using Teilhabe.Core.Profiles;

namespace Teilhabe.UnitTests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly StateProfile Thuringia = StateProfiles.Thuringia;

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("")]
    [InlineData("Ab1#xyz")]
    [InlineData("Ab1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1")]
    public void ACC01_password_shorter_than_8_or_longer_than_128_violates_ACC01(string password)
    {
        var violations = PasswordPolicy.Check(password, Thuringia);

        var violation = Assert.Single(violations, v => v.Rule == "ACC-01");
        Assert.Contains("zwischen 8 und 128 Zeichen", violation.Message);
        Assert.Equal("password", violation.Field);
    }

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Ab1#wxyz")]
    [InlineData("Ab1#wxyzAb1#wxy")]
    [InlineData("Ab1#wxyzAb1#wxyAb1#wxyzAb1#wxy")]
    [InlineData("Ein langer Merksatz als Passwort mit 64 Zeichen ist erlaubt 2026")]
    [InlineData("Ab1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb")]
    public void ACC01_password_of_8_to_128_characters_passes(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, Thuringia));
    }

    [Fact]
    [Trait("Rule", "ACC-01")]
    public void ACC01_the_maximum_length_is_a_parameter_of_the_profile()
    {
        var shorter = Thuringia with { PasswordMaxLength = 15 };

        Assert.Contains(PasswordPolicy.Check("Ab1#xyzAb1#xyzAb1#x", shorter), v => v.Rule == "ACC-01");
        Assert.Empty(PasswordPolicy.Check("Ab1#xyzAb1#xyzAb1#x", Thuringia));
    }

    [Theory]
    [Trait("Rule", "ACC-02")]
    [InlineData("abcdef1#", "Großbuchstaben")]
    [InlineData("ABCDEF1#", "Kleinbuchstaben")]
    [InlineData("Abcdefg#", "Ziffer")]
    [InlineData("Abcdefg1", "Sonderzeichen")]
    public void ACC02_password_missing_a_character_class_names_what_is_missing(string password, string missing)
    {
        var violation = Assert.Single(PasswordPolicy.Check(password, Thuringia));

        Assert.Equal("ACC-02", violation.Rule);
        Assert.Contains(missing, violation.Message);
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public void ACC02_password_missing_several_classes_names_all_of_them_in_one_violation()
    {
        var violation = Assert.Single(PasswordPolicy.Check("abcdefgh", Thuringia));

        Assert.Equal("ACC-02", violation.Rule);
        Assert.Contains("Großbuchstaben", violation.Message);
        Assert.Contains("Ziffer", violation.Message);
        Assert.Contains("Sonderzeichen", violation.Message);
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public void ACC02_above_12_characters_the_special_character_may_be_left_out()
    {
        Assert.Empty(PasswordPolicy.Check("Abcdefghijk12", Thuringia));
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public void ACC02_at_12_characters_the_special_character_is_still_required()
    {
        var violation = Assert.Single(PasswordPolicy.Check("Abcdefghijk1", Thuringia));

        Assert.Equal("ACC-02", violation.Rule);
        Assert.Contains("Sonderzeichen", violation.Message);
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public void ACC02_umlauts_count_as_letters_and_a_space_as_special_character()
    {
        Assert.Empty(PasswordPolicy.Check("Ärger ü1x", Thuringia));
    }

    [Fact]
    [Trait("Rule", "ACC-01")]
    [Trait("Rule", "ACC-02")]
    public void ACC01_ACC02_a_short_password_without_classes_violates_both_rules()
    {
        var rules = PasswordPolicy.Check("abc", Thuringia).Select(v => v.Rule);

        Assert.Equal(["ACC-01", "ACC-02"], rules);
    }

    [Theory]
    [Trait("Rule", "ACC-04")]
    [InlineData(0, false)]
    [InlineData(364, false)]
    [InlineData(365, false)]
    [InlineData(366, true)]
    [InlineData(1000, true)]
    public void ACC04_a_password_older_than_365_days_is_due_for_change(int days, bool due)
    {
        var changedAt = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(due, PasswordPolicy.IsDueForChange(changedAt, changedAt.AddDays(days), Thuringia));
    }

    [Fact]
    [Trait("Rule", "ACC-04")]
    public void ACC04_one_minute_past_365_days_is_due()
    {
        var changedAt = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

        Assert.True(PasswordPolicy.IsDueForChange(changedAt, changedAt.AddDays(365).AddMinutes(1), Thuringia));
    }
}
