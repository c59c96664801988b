using Teilhabe.Core.Clients;

namespace Teilhabe.UnitTests.Clients;

/// <summary>CL-02: duplicate search folds umlauts and ß, tolerates typing errors and weighs the birth date.</summary>
public sealed class DuplicateSearchTests
{
    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("Mueller", "muller")]
    [InlineData("Muller", "muller")]
    [InlineData("Strauß", "strauss")]
    [InlineData("José", "jose")]
    [InlineData("  Öztürk-Weiß ", "ozturk weiss")]
    public void CL02_names_are_folded_for_search(string name, string folded)
        => Assert.Equal(folded, SearchText.Fold(name));

    [Fact]
    public void CL02_Mueller_Juergen_is_found_for_Mueller_Jurgen_with_the_same_birth_date()
    {
        var birth = new DateOnly(1970, 5, 1);
        var score = DuplicateScore.ForPerson("Müller", "Jurgen", birth, "Mueller", "Jürgen", birth);
        Assert.Equal(100, score);
    }

    [Fact]
    public void CL02_a_typing_error_in_the_name_with_the_same_birth_date_is_a_candidate()
    {
        var birth = new DateOnly(1988, 11, 2);
        Assert.True(DuplicateScore.ForPerson("Meier", "Thomas", birth, "Meyer", "Thomas", birth) >= DuplicateScore.Threshold);
    }

    [Fact]
    public void CL02_same_name_but_other_birth_date_is_still_shown_as_possible_duplicate()
        => Assert.True(DuplicateScore.ForPerson("Schneider", "Petra", new DateOnly(1975, 4, 12), "Schneider", "Petra", new DateOnly(1990, 1, 1)) >= DuplicateScore.Threshold);

    [Fact]
    public void CL02_different_people_are_not_candidates()
        => Assert.True(DuplicateScore.ForPerson("Schneider", "Petra", new DateOnly(1975, 4, 12), "Wagner", "Klaus", new DateOnly(1960, 3, 3)) < DuplicateScore.Threshold);

    [Fact]
    public void FU04_funder_duplicate_search_finds_the_same_body_under_a_longer_name()
    {
        Assert.True(DuplicateScore.ForName("AOK Plus", "Die AOK PLUS – Die Gesundheitskasse") >= DuplicateScore.Threshold);
        Assert.True(DuplicateScore.ForName("Deutsche Rentenversicherung Mitteldeutschland", "Rentenversicherung Mitteldeutschland") >= DuplicateScore.Threshold);
        Assert.True(DuplicateScore.ForName("AOK Plus", "Barmer") < DuplicateScore.Threshold);
    }
}
