namespace Teilhabe.Core.Profiles;

/// <summary>
/// The numbers of DOMAIN.md are parameters of a state profile. The built-in profile TH carries the
/// Thuringian values (HaGe); other states configure their own.
/// </summary>
public sealed record StateProfile
{
    public required string Code { get; init; }
    public required string StateName { get; init; }

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

    /// <summary>DOC-01: <see cref="MaxUploadBytes"/> in whole megabytes, as pages and messages state it.</summary>
    public long MaxUploadMegabytes => MaxUploadBytes / 1024 / 1024;

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
