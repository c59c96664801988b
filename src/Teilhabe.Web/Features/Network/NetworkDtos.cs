using Teilhabe.Core.Network;

namespace Teilhabe.Web.Features.Network;

/// <summary>The JSON of API.md "Job network". Candidates appear only as <see cref="CandidateDto"/> (NET-03).</summary>
internal static class NetworkDtos
{
    public sealed record NetworkRequest(string? Name, string? Region, Guid? CoordinatorOrganisationId);

    public sealed record MemberRequest(Guid? OrganisationId, string? Kind);

    public sealed record PotentialRequest(string? Title, string? EmployerName, int? Jobs, string? FundingSource, string? Region, Guid? EmployerId, Guid? ResponsibleOrganisationId);

    public sealed record StageRequest(string? Stage);

    public sealed record CandidateRequest(Guid? ClientId, string? Skills, string? Wishes, string? SupportNeeds, string? Region);

    public sealed record ConsentRequest(DateOnly? GivenOn);

    public sealed record CreatedCandidate(Guid Id, string Pseudonym);

    public sealed record NetworkListItem(Guid Id, string Name, string Region, Guid CoordinatorOrganisationId, int MemberCount);

    public sealed record MemberDto(Guid OrganisationId, string Name, string Kind, DateOnly JoinedOn, bool Coordinator);

    public sealed record PotentialListItem(
        Guid Id, string Title, string EmployerName, int Jobs, string? FundingSource, string Region, string Stage, DateOnly IdentifiedOn,
        DateOnly StageSince, Guid ResponsibleOrganisationId, int Candidates);

    public sealed record NetworkDetails(
        Guid Id, string Name, string Region, Guid CoordinatorOrganisationId, List<MemberDto> Members, List<PotentialListItem> Potentials);

    public sealed record StageChangeDto(string? From, string To, DateOnly On, string By);

    /// <summary>NET-03: the anonymised profile; <c>own</c> tells the offering IFD which profiles are its own.</summary>
    public sealed record CandidateDto(
        Guid Id, string Pseudonym, string Skills, string Wishes, string SupportNeeds, string Region, DateOnly OfferedOn,
        bool ConsentRecorded, bool Revealed, bool Own)
    {
        public static CandidateDto From(CandidateProfile p, bool own)
            => new(p.Id, p.Pseudonym, p.Skills, p.Wishes, p.SupportNeeds, p.Region, p.OfferedOn, p.ConsentRecorded, p.Revealed, own);
    }

    public sealed record PotentialDetails(
        Guid Id, Guid NetworkId, string Title, string EmployerName, Guid? EmployerId, int Jobs, string? FundingSource, string Region,
        Guid ResponsibleOrganisationId, string ResponsibleOrganisationName, string Stage, DateOnly IdentifiedOn, DateOnly StageSince,
        List<string> NextStages, List<StageChangeDto> History, List<CandidateDto> Candidates);

    public sealed record RevealedDto(Guid Id, string Pseudonym, DateTimeOffset RevealedAt, Guid RevealedToOrganisationId);

    public sealed record ConsentDto(Guid Id, string Pseudonym, DateOnly GivenOn);

    public sealed record PersonDto(string LastName, string FirstName, string? Phone, string? Email);

    public sealed record StageCountDto(string Stage, string Label, int Count);

    public sealed record FiguresDto(List<StageCountDto> Stages, int PotentialsRecorded, int JobsCreated, int NewInclusionCompanies)
    {
        public static FiguresDto From(NetworkReport.Figures f)
            => new([.. f.Stages.Select(s => new StageCountDto(PotentialPipeline.Code(s.Stage), PotentialPipeline.Label(s.Stage), s.Count))],
                f.PotentialsRecorded, f.JobsCreated, f.NewInclusionCompanies);
    }

    public sealed record RegionDto(string Region, FiguresDto Figures);

    public sealed record ReportDto(Guid NetworkId, int Year, FiguresDto Total, List<RegionDto> Regions)
    {
        public static ReportDto From(Guid networkId, NetworkReport r)
            => new(networkId, r.Year, FiguresDto.From(r.Total), [.. r.Regions.Select(x => new RegionDto(x.Region, FiguresDto.From(x.Figures)))]);
    }
}
