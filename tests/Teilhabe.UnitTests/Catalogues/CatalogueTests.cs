using Teilhabe.Core.Catalogues;

namespace Teilhabe.UnitTests.Catalogues;

public sealed class CatalogueTests
{
    private static readonly string[] Groups = ["IntegrationOffice", "Rehabilitation", "JobPlacement"];

    [Fact]
    public void FU06_every_legal_basis_belongs_to_exactly_one_Auftraggeber_group()
    {
        var legalBases = CatalogueSeed.All().Where(s => s.Catalogue == CatalogueNames.LegalBases).ToList();
        Assert.NotEmpty(legalBases);
        Assert.All(legalBases, s => Assert.Contains(s.Group, Groups));
    }

    [Theory]
    [InlineData("sgb9-185-2", "IntegrationOffice")]
    [InlineData("sgb9-55-3", "IntegrationOffice")]
    [InlineData("reha-196", "Rehabilitation")]
    [InlineData("sgb9-196-3", "Rehabilitation")]
    [InlineData("sgb9-196-3-analog", "JobPlacement")]
    public void FU06_the_stable_legal_bases_carry_their_group(string code, string group)
        => Assert.Equal(group, CatalogueSeed.All().Single(s => s.Catalogue == CatalogueNames.LegalBases && s.Code == code).Group);

    [Fact]
    public void The_stable_codes_of_the_API_contract_exist()
    {
        var seeds = CatalogueSeed.All().ToList();
        string[] careTypes = ["placement", "retention", "expert-statement"];
        string[] legal = ["sgb9-185-2", "sgb9-55-3", "sgb9-196-3", "sgb9-196-3-analog", "reha-196", "fds-27-schwbav", "fds-jobcoaching", "fds-ina"];
        string[] closing = ["funder-changed", "legal-basis-changed", "fulfilled", "no-further-need", "period-expired", "retention-failed", "objection", "placement-successful", "client-refuses", "not-possible"];
        string[] outcomes = ["apprenticeship", "fixed-term-employment", "permanent-employment", "inclusion-company", "sheltered-workshop", "not-placed", "job-secured", "job-ended-agreement", "job-ended-dismissal-employer", "job-ended-dismissal-employee", "job-ended-fixed-term", "job-ended-pension", "other"];
        string[] employment = ["employed", "apprenticeship", "unemployed", "reduced-earning-pension", "old-age-pension", "marginal-employment", "sheltered-workshop", "school"];
        AssertCodes(seeds, CatalogueNames.CareTypes, careTypes);
        AssertCodes(seeds, CatalogueNames.LegalBases, legal);
        AssertCodes(seeds, CatalogueNames.ClosingReasons, closing);
        AssertCodes(seeds, CatalogueNames.OutcomeCategories, outcomes);
        AssertCodes(seeds, CatalogueNames.EmploymentKinds, employment);
        Assert.Equal(3, seeds.Count(s => s.Catalogue == CatalogueNames.FormVersions && s.Code == "2026-01"));
    }

    [Fact]
    public void TOP01_a_label_change_raises_the_version_and_retiring_keeps_the_entry()
    {
        var entry = new CatalogueEntry(CatalogueNames.Topics, "crisis", "Krisenintervention", 1);
        entry.Relabel("Krisenintervention und Stabilisierung");
        Assert.Equal(2, entry.Version);
        entry.Relabel("Krisenintervention und Stabilisierung");
        Assert.Equal(2, entry.Version);
        entry.Retire();
        Assert.False(entry.Active);
        Assert.Equal("crisis", entry.Code);
    }

    [Fact]
    public void Seed_codes_are_unique_per_catalogue_and_form()
    {
        var duplicates = CatalogueSeed.All().GroupBy(s => (s.Catalogue, s.Form, s.Code)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    private static void AssertCodes(List<CatalogueSeed.Seed> seeds, string catalogue, string[] codes)
    {
        var present = seeds.Where(s => s.Catalogue == catalogue).Select(s => s.Code).ToHashSet();
        Assert.All(codes, c => Assert.Contains(c, present));
    }
}
