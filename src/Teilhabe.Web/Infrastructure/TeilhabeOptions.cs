namespace Teilhabe.Web.Infrastructure;

/// <summary>The configuration section "Teilhabe" (API.md: environment variables Teilhabe__…).</summary>
internal sealed class TeilhabeOptions
{
    public const string Section = "Teilhabe";

    public DatabaseOptions Database { get; set; } = new();
    public StorageOptions Storage { get; set; } = new();
    public string Profile { get; set; } = "TH";
    public ProfilesOptions Profiles { get; set; } = new();
    public BootstrapOptions Bootstrap { get; set; } = new();
    public ClockOptions Clock { get; set; } = new();
    public RateLimitOptions RateLimit { get; set; } = new();
    public AccessibilityOptions Accessibility { get; set; } = new();
    public Features.Deadlines.Reminders.ReminderOptions Reminders { get; set; } = new();
    public Features.Deadlines.Reminders.SmtpOptions Smtp { get; set; } = new();
    public KeyProtectionOptions DataProtection { get; set; } = new();
    public BackupOptions Backup { get; set; } = new();

    /// <summary>Seed the demo IFDs, users and cases on an empty database (README, first command).</summary>
    public bool Demo { get; set; }
}

/// <summary>The operator's details for the accessibility statement (BITV 2.0 § 7: feedback mechanism and enforcement body).</summary>
/// <summary>
/// Teilhabe:DataProtection: the certificate (PKCS#12 file with private key) that encrypts the Data Protection key ring
/// (cookies, antiforgery, bearer tokens) in the database. Previous certificates stay listed until every key they
/// protected has expired, so a certificate change leaves old keys readable.
/// </summary>
internal sealed class KeyProtectionOptions
{
    public string? CertificatePath { get; set; }

    /// <summary>From an environment variable or a secret store only (Teilhabe__DataProtection__CertificatePassword).</summary>
    public string? CertificatePassword { get; set; }

    public List<string> PreviousCertificatePaths { get; set; } = [];
}

/// <summary>Teilhabe:Backup: the key ring file of the backups (default: backup-key.b64 beside the document key file).</summary>
internal sealed class BackupOptions
{
    public string? KeyFile { get; set; }
}

internal sealed class AccessibilityOptions
{
    /// <summary>Where users report barriers; shown as a mailto link on every page.</summary>
    public string FeedbackEmail { get; set; } = "barrierefreiheit@teilhabe.invalid";

    /// <summary>Date of the last review of the statement (YYYY-MM-DD).</summary>
    public string ReviewedOn { get; set; } = "2026-11-23";
}

/// <summary>Further state profiles: a folder of &lt;CODE&gt;.json files (API.md "State profiles").</summary>
public sealed class ProfilesOptions
{
    /// <summary>Absolute or relative to the content root; empty: only the built-in profile TH.</summary>
    public string? Path { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start; production may switch this off and migrate in a deployment step.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>
    /// PostgreSQL: the connection of the role that owns the schema and applies the migrations. When set, the app's own
    /// connection (<see cref="ConnectionString"/>) is granted reading and writing, but on the audit trail only SELECT
    /// and INSERT (ACC-09: the app's role cannot update, delete or truncate audit rows).
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL: a streaming replica for the reads that may lag a moment behind — the § 197 statistics and their
    /// exports (<see cref="ReadReplica"/>). Unset: they read the primary like everything else.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }
}

internal enum StorageProvider
{
    FileSystem,
    S3,
}

internal sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public string Path { get; set; } = "data/documents";

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>The document encryption key (base64, 256 bit) lives in this file, outside the database.</summary>
    public string? KeyFile { get; set; }
}

/// <summary>S3-compatible object storage (Teilhabe:Storage:S3); AccessKey and SecretKey come from environment variables only.</summary>
internal sealed class S3StorageOptions
{
    /// <summary>Endpoint of an S3-compatible service (e.g. MinIO); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Key prefix inside the bucket, so one bucket can serve several installations.</summary>
    public string? Prefix { get; set; }

    public string Region { get; set; } = "eu-central-1";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (bucket in the path, not the host name); MinIO needs it.</summary>
    public bool ForcePathStyle { get; set; }
}

internal sealed class BootstrapOptions
{
    public string? AdminPassword { get; set; }
}

internal sealed class ClockOptions
{
    public string? FixedDate { get; set; }
}

internal sealed class RateLimitOptions
{
    /// <summary>Login and token requests per client address and minute.</summary>
    public int LoginPermitsPerMinute { get; set; } = 20;
}
