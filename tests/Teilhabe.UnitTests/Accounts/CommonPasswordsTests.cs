using Teilhabe.Core.Accounts;
using Teilhabe.Core.Profiles;

namespace Teilhabe.UnitTests.Accounts;

/// <summary>ACC-01: the shipped list of the 10,000 most common passwords.</summary>
public sealed class CommonPasswordsTests
{
    [Fact]
    [Trait("Rule", "ACC-01")]
    public void ACC01_the_shipped_list_holds_the_10000_most_common_passwords()
    {
        Assert.Equal(10_000, CommonPasswords.Count);
        Assert.True(CommonPasswords.IsCommon("123456"));
        Assert.True(CommonPasswords.IsCommon("password"));
    }

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Sommer2026!")]
    [InlineData("PASSWORT")]
    [InlineData("!Hallo123")]
    [InlineData("Qwerty123!")]
    public void ACC01_a_common_password_is_found_in_any_case_and_with_digits_or_special_characters_around_it(string password)
        => Assert.True(CommonPasswords.IsCommon(password));

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Anfang#2026a")]
    [InlineData("Demo#Teilhabe1")]
    [InlineData("Regenschirm im Flur 7")]
    public void ACC01_an_uncommon_password_passes(string password)
        => Assert.False(CommonPasswords.IsCommon(password));

    [Fact]
    [Trait("Rule", "ACC-01")]
    public void ACC01_the_policy_refuses_a_common_password_that_meets_length_and_composition()
    {
        var violation = Assert.Single(PasswordPolicy.Check("Sommer2026!", StateProfiles.Thuringia));

        Assert.Equal("ACC-01", violation.Rule);
        Assert.Contains("häufigsten Passwörtern", violation.Message, StringComparison.Ordinal);
    }
}
