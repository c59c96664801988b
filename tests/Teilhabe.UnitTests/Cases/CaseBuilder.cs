using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.UnitTests.Clients;

namespace Teilhabe.UnitTests.Cases;

/// <summary>Builds a case and the facts around it; each test sets only what its rule is about.</summary>
public sealed class CaseBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly Client _client = new ClientBuilder().Build();
    private CaseSettings _settings = new(null, null, null, "support-need", "self");
    private Phase _phase = Phase.P1;
    private bool _notice;
    private bool _completeClient;
    private string _planned = string.Empty;
    private string? _closingResult;
    private readonly List<string> _agreements = [];

    public CaseBuilder InPhase(Phase phase)
    {
        _phase = phase;
        return this;
    }

    public CaseBuilder ForIntegrationOffice(string legalBasis = "sgb9-185-2", string careType = CareTypes.Retention)
    {
        _settings = _settings with { FunderId = Guid.NewGuid(), LegalBasisCode = legalBasis, CareTypeCode = careType };
        return this;
    }

    public CaseBuilder ForRehabilitation()
    {
        _settings = _settings with { FunderId = Guid.NewGuid(), LegalBasisCode = "reha-196", CareTypeCode = CareTypes.Placement };
        return this;
    }

    public CaseBuilder AsExpertStatement(Guid? parent = null, string legalBasis = "fds-ina")
    {
        _settings = _settings with { FunderId = Guid.NewGuid(), CareTypeCode = CareTypes.ExpertStatement, LegalBasisCode = legalBasis, ParentCaseId = parent };
        _phase = Phase.FP1;
        return this;
    }

    public CaseBuilder WithSignedNotice()
    {
        _notice = true;
        return this;
    }

    public CaseBuilder WithPlannedContents(string text = "Klärung der Arbeitsplatzgestaltung")
    {
        _planned = text;
        return this;
    }

    public CaseBuilder WithClosingResult(string text = "Arbeitsplatz gesichert")
    {
        _closingResult = text;
        return this;
    }

    public CaseBuilder WithCompleteClient()
    {
        _completeClient = true;
        return this;
    }

    public CaseBuilder WithAgreement(string kind)
    {
        _agreements.Add(kind);
        return this;
    }

    public (Case Case, Client Client) Build()
    {
        if (_completeClient)
        {
            _client.Update(new ClientData(_client.LastName, _client.FirstName, _client.BirthDate, _client.Gender, null, null, WorkingLifePosition: "employee"));
            _client.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2024, 1, 1), null, 50, null);
            _client.AddDisability("mental", "Depression", true, false);
            _client.AddEmployment("employed", new DateOnly(2020, 1, 1), null, Today);
        }

        var @case = new Case(ClientBuilder.ServiceId, ClientBuilder.OfficeId, _client.Id, "2026-0001", "cw", Today.AddDays(-20), _settings);
        if (_notice)
        {
            @case.SignDataProtectionNotice(Today.AddDays(-10), "2026-01", Today.AddDays(-10));
        }

        @case.UpdateTexts(new CaseTexts { PlannedContents = _planned, ClosingResult = _closingResult });
        foreach (var kind in _agreements)
        {
            @case.AddAgreement(kind, Today.AddDays(-3), "Frau Koordinatorin", null);
        }

        // Walk the case along allowed edges to the wanted phase (dates inside the backdating window).
        var path = _phase switch
        {
            Phase.P2 => new[] { Phase.P2 },
            Phase.P3 => [Phase.P3],
            Phase.P4 => [Phase.P4],
            Phase.FP3 => [Phase.FP3],
            Phase.FP4 => [Phase.FP3, Phase.FP4],
            Phase.FP5 => [Phase.FP5],
            _ => [],
        };
        foreach (var step in path)
        {
            @case.MoveTo(step, Today.AddDays(-5), "cw", DateTimeOffset.UtcNow, step is Phase.P4 ? "fulfilled" : step is Phase.FP5 ? "not-possible" : null, null, null);
        }

        return (@case, _client);
    }

    public static TransitionFacts Facts(Case c, Client client, Phase to, Action<FactsOptions>? configure = null)
    {
        var o = new FactsOptions();
        configure?.Invoke(o);
        return new TransitionFacts
        {
            Case = c,
            Client = client,
            To = to,
            Date = o.Date ?? Today,
            Today = Today,
            Profile = StateProfiles.Thuringia,
            FunderKind = o.FunderKind ?? (c.FunderId is null ? null : c.LegalBasisCode == "reha-196" ? FunderKind.PensionInsurance : FunderKind.IntegrationOffice),
            LegalBasisGroup = o.LegalBasisGroup ?? c.LegalBasisCode switch
            {
                "reha-196" or "sgb9-196-3" => "Rehabilitation",
                null => null,
                _ => "IntegrationOffice",
            },
            Documents = o.Documents,
            ValidFormVersions = new Dictionary<string, string> { ["DataProtectionNotice"] = "2026-01" },
            PersonalContactsInP2 = o.PersonalContactsInP2,
            ClientHadEarlierCounselling = o.EarlierCounselling,
            LatestOtherInaCommission = o.LatestOtherInaCommission,
            EarlierCounsellingAtOtherService = o.EarlierCounsellingAtOtherService,
            LatestInaCommissionAtOtherService = o.LatestInaCommissionAtOtherService,
            ReasonCode = o.Reason,
            ReasonPhase = o.ReasonPhase,
            OutcomeCategoryCode = o.Outcome,
            ParentCareTypeCode = o.ParentCareType,
            ParentLegalBasisCode = o.ParentLegalBasis,
            ConfirmPurge = o.ConfirmPurge,
        };
    }

    public sealed class FactsOptions
    {
        public DateOnly? Date { get; set; }
        public FunderKind? FunderKind { get; set; }
        public string? LegalBasisGroup { get; set; }
        public HashSet<DocumentKind> Documents { get; set; } = [];
        public int PersonalContactsInP2 { get; set; }
        public bool EarlierCounselling { get; set; }
        public DateOnly? LatestOtherInaCommission { get; set; }
        public bool EarlierCounsellingAtOtherService { get; set; }
        public DateOnly? LatestInaCommissionAtOtherService { get; set; }
        public string? Reason { get; set; }
        public string? ReasonPhase { get; set; }
        public string? Outcome { get; set; }
        public string? ParentCareType { get; set; }
        public string? ParentLegalBasis { get; set; }
        public bool ConfirmPurge { get; set; }
    }
}
