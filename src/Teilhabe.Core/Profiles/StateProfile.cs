namespace Teilhabe.Core.Profiles;

/// <summary>
/// The numbers of DOMAIN.md are parameters of a state profile. The built-in profile TH carries the
/// Thuringian values (HaGe); other states configure their own as JSON files (<see cref="StateProfileFile"/>).
/// Each Integrationsamt works under the profile of its state: obtain it with constructor injection of
/// <see cref="StateProfile"/> (the caller's Integrationsamt) or from <see cref="IStateProfileResolver"/>
/// (a given case, IFD or Integrationsamt). <see cref="StateProfileNumbers"/> lists every number with its range.
/// </summary>
public sealed record StateProfile
{
    public required string Code { get; init; }
    public required string StateName { get; init; }

    /// <summary>The profile's name as shown and sent by <c>GET /api/v1/profile</c>.</summary>
    public string Name => StateName;

    /// <summary>An example profile for tests and demonstrations, not a Land's law.</summary>
    public bool IsExample { get; init; }

    /// <summary>The Land whose public holidays count (two-letter code of the PublicHoliday library, e.g. TH).</summary>
    public string HolidayState { get; init; } = "TH";

    /// <summary>ACC-13: how long a login (cookie or bearer token) lasts, in hours.</summary>
    public int SessionHours { get; init; } = 8;

    /// <summary>ACC-13: a page session without a request for this many minutes ends (bearer tokens: absolute lifetime only).</summary>
    public int SessionIdleMinutes { get; init; } = 30;

    /// <summary>ACC-11: the roles that must use a second factor (TH: InA-Koordination and Administrator).</summary>
    public IReadOnlyList<string> SecondFactorRoles { get; init; } = [Accounts.Roles.IntegrationOfficeCoordinator, Accounts.Roles.Administrator];

    /// <summary>DOC-04: form versions of this state's own (added to the shared ones of the form-versions catalogue).</summary>
    public IReadOnlyList<StateFormVersion> FormVersions { get; init; } = [];

    /// <summary>
    /// TOP-01: this state's own entries of the catalogues that carry no rule logic (<see cref="StateCatalogues.Adjustable"/>),
    /// added to the shared entries for the users of its Integrationsämter.
    /// </summary>
    public IReadOnlyList<StateCatalogueEntry> CatalogueAdditions { get; init; } = [];

    /// <summary>TOP-01: shared entries this state does not use (catalogue → codes): not offered for new data, old data keeps its label.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> HiddenCatalogueCodes { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    public bool Adds(string catalogue, string code)
        => CatalogueAdditions.Any(a => a.Catalogue == catalogue && a.Code == code);

    public bool Hides(string catalogue, string code)
        => HiddenCatalogueCodes.TryGetValue(catalogue, out var codes) && codes.Contains(code);

    /// <summary>
    /// DOC-04: the valid version of a form on a day. A state with versions of its own for the form uses those;
    /// otherwise the shared version of the form-versions catalogue (<paramref name="sharedValid"/>) is valid.
    /// </summary>
    public string? ValidFormVersion(string form, DateOnly on, string? sharedValid)
        => FormVersions.Any(f => f.Form == form)
            ? FormVersions.Where(f => f.Form == form && f.ValidFrom <= on).OrderByDescending(f => f.ValidFrom).Select(f => f.Code).FirstOrDefault()
            : sharedValid;

    /// <summary>BA-SI-01: the objection window in days (the last day on which an objection is possible after P3).</summary>
    public int ObjectionDays => ObjectionWeeks * 7;

    /// <summary>DOC-01: the upload limit in words, e.g. "4 MB".</summary>
    public string MaxUploadText => MaxUploadBytes % (1024 * 1024) == 0
        ? $"{MaxUploadBytes / (1024 * 1024)} MB"
        : $"{MaxUploadBytes / 1024} KB";

    /// <summary>REP-06 is switched on when the profile names its months.</summary>
    public bool InterimReportsRequired => InterimReportMonths is not null;

    /// <summary>ACC-01: minimum password length.</summary>
    public int PasswordMinLength { get; init; } = 8;

    /// <summary>ACC-01: maximum password length (TH: 128; long passphrases must be possible, OWASP ASVS 2.1.2 asks for at least 64).</summary>
    public int PasswordMaxLength { get; init; } = 128;

    /// <summary>ACC-02: from this length on the special character may be left out.</summary>
    public int PasswordSpecialCharOptionalAbove { get; init; } = 12;

    /// <summary>ACC-03: how many earlier passwords cannot be reused.</summary>
    public int PasswordHistoryCount { get; init; } = 6;

    /// <summary>ACC-04: age after which the user is reminded to change the password.</summary>
    public int PasswordReminderDays { get; init; } = 365;

    /// <summary>ACC-05: failed logins in a row that lock the account.</summary>
    public int MaxFailedLogins { get; init; } = 3;

    /// <summary>ACC-08: how long an occasion-based full access lasts.</summary>
    public int IncidentAccessDays { get; init; } = 7;

    /// <summary>PH-P2-02: maximum duration of a Qualifizierte Beratung.</summary>
    public int CounsellingMaxMonths { get; init; } = 2;

    /// <summary>BA-SI-01: objection window of the Integrationsamt.</summary>
    public int ObjectionWeeks { get; init; } = 4;

    /// <summary>BA-SI-02: duration of an InA Sicherung.</summary>
    public int RetentionMonths { get; init; } = 9;

    /// <summary>BA-UB-02: duration of an InA Unterstützte Beschäftigung.</summary>
    public int SupportedEmploymentMonths { get; init; } = 12;

    /// <summary>BA-ST-02: duration of a stabilisation phase.</summary>
    public int StabilisationMonths { get; init; } = 6;

    /// <summary>BA-EXT-01: an extension is requested at least this many weeks before the end.</summary>
    public int ExtensionLeadWeeks { get; init; } = 2;

    /// <summary>PH-P3-03: no second InA P3 registration within this many months.</summary>
    public int DuplicateRegistrationMonths { get; init; } = 1;

    /// <summary>CT-02: entries later than this many working days are flagged late.</summary>
    public int LateEntryWorkingDays { get; init; } = 5;

    /// <summary>CT-03: nothing can be documented more than this many weeks back.</summary>
    public int BackdatingWeeks { get; init; } = 6;

    /// <summary>CT-04: personal contact with the client at least every this many weeks.</summary>
    public int PersonalContactWeeks { get; init; } = 8;

    /// <summary>CT-05: at most this many weeks between two documented contacts.</summary>
    public int ContactGapWeeks { get; init; } = 4;

    /// <summary>CT-05: a phone call of at least this many minutes counts as a contact.</summary>
    public int LongPhoneCallMinutes { get; init; } = 20;

    /// <summary>DOC-01: maximum size of one uploaded file.</summary>
    public long MaxUploadBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>REP-06: months after which a Zwischenbericht is due (null: rule off, as in TH).</summary>
    public int? InterimReportMonths { get; init; }

    /// <summary>DEL-01: personal data is deleted at the end of this many calendar years after P4.</summary>
    public int RetentionYearsAfterClosing { get; init; } = 5;

    /// <summary>DEL-01: a shorter period for a Qualifizierte Beratung that never reached P3 (null: as after closing).</summary>
    public int? RetentionYearsCounsellingOnly { get; init; }

    /// <summary>STAT-02: publication exports suppress cells below this count.</summary>
    public int PublicationMinimumCell { get; init; } = 3;

    /// <summary>STAT-01: age bands (lower bounds, in years) for the age-group breakdown.</summary>
    public IReadOnlyList<int> AgeBandLowerBounds { get; init; } = [0, 25, 35, 45, 55];

    /// <summary>CT-02: public holidays of the state count as non-working days.</summary>
    public required Func<int, IReadOnlySet<DateOnly>> PublicHolidays { get; init; }
}

/// <summary>TOP-01: an entry of a shared catalogue that only one state uses.</summary>
public sealed record StateCatalogueEntry(string Catalogue, string Code, string Label, string? Group);

/// <summary>TOP-01: the catalogues a state profile may extend or thin out.</summary>
public static class StateCatalogues
{
    /// <summary>
    /// Catalogues whose codes no rule refers to: Fallgruppen, einleitende Stellen, Aufgaben. The others (legal bases,
    /// care types, closing reasons, outcome categories …) carry rule logic and stay the same in every Land.
    /// </summary>
    public static readonly IReadOnlyList<string> Adjustable = [Catalogues.CatalogueNames.CaseGroups, Catalogues.CatalogueNames.ReferringBodies, Catalogues.CatalogueNames.Topics];
}

/// <summary>DOC-04: a form version that only one state uses.</summary>
public sealed record StateFormVersion(string Form, string Code, string Label, DateOnly ValidFrom);
