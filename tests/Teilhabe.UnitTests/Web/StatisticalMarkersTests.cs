using Teilhabe.Web.Features.Shared;

namespace Teilhabe.UnitTests.Web;

/// <summary>PH-P3-01: the form markers come from the one declared list of statistically required fields.</summary>
public sealed class StatisticalMarkersTests
{
    [Theory]
    [Trait("Rule", "PH-P3-01")]
    [InlineData("Fields.FunderId", true)]
    [InlineData("Fields.LegalBasisCode", true)]
    [InlineData("Fields.CareTypeCode", true)]
    [InlineData("Fields.CaseGroupCode", true)]
    [InlineData("Fields.ReferringBodyCode", true)]
    [InlineData("NewCase.ReferringBodyCode", true)]
    [InlineData("Form.WorkingLifePosition", true)]
    [InlineData("Fields.ContactFrequencyDays", false)]
    [InlineData("Form.Phone", false)]
    [InlineData("Upload.Kind", false)]
    public void PHP301_statistically_required_fields_are_marked_in_the_forms(string formKey, bool marked)
        => Assert.Equal(marked, StatisticalMarkers.IsRequired(formKey));
}
