using System.Globalization;
using System.Security.Cryptography;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Network;

/// <summary>
/// NET-03: a client offered by the owning IFD to a potential, as an anonymised profile. It is deliberately not
/// <see cref="IServiceScoped"/>: network members of other organisations read the profile, which holds no personal
/// data. The person behind it stays with the owning IFD until the client's consent is recorded and the IFD reveals it.
/// </summary>
public sealed class NetworkCandidate : IAuditedEntity
{
    private NetworkCandidate()
    {
        Pseudonym = string.Empty;
        Skills = string.Empty;
        Wishes = string.Empty;
        SupportNeeds = string.Empty;
        Region = string.Empty;
        OfferedBy = string.Empty;
    }

    public NetworkCandidate(JobPotential potential, Client client, CandidateProfileInput profile, string pseudonym, DateOnly today, string? by)
        : this()
    {
        Id = Guid.CreateVersion7();
        PotentialId = potential.Id;
        ClientId = client.Id;
        ServiceId = client.ServiceId;
        Pseudonym = pseudonym;
        Skills = profile.Skills?.Trim() ?? string.Empty;
        Wishes = profile.Wishes?.Trim() ?? string.Empty;
        SupportNeeds = profile.SupportNeeds?.Trim() ?? string.Empty;
        Region = string.IsNullOrWhiteSpace(profile.Region) ? CandidateProfiles.RegionOf(client.Address) : profile.Region.Trim();
        OfferedOn = today;
        OfferedBy = by ?? string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PotentialId { get; private set; }

    /// <summary>Known to the owning IFD only; never leaves the product in a network answer.</summary>
    public Guid ClientId { get; private set; }

    /// <summary>The owning IFD.</summary>
    public Guid ServiceId { get; private set; }

    /// <summary>Pseudonymous id shown to the network, e.g. "K-7F3A".</summary>
    public string Pseudonym { get; private set; }

    public string Skills { get; private set; }
    public string Wishes { get; private set; }

    /// <summary>The "Unterstützungsbedarf" text the IFD wrote for the profile; no diagnosis is copied.</summary>
    public string SupportNeeds { get; private set; }

    /// <summary>Coarse region: postcode area or district, never the address.</summary>
    public string Region { get; private set; }

    public DateOnly OfferedOn { get; private set; }
    public string OfferedBy { get; private set; }

    /// <summary>NET-03: the day the client agreed that the person may be made known to the network member.</summary>
    public DateOnly? ConsentGivenOn { get; private set; }
    public string? ConsentRecordedBy { get; private set; }

    public DateTimeOffset? RevealedAt { get; private set; }
    public string? RevealedBy { get; private set; }

    /// <summary>The member organisation (the potential's responsible member) the person was made known to.</summary>
    public Guid? RevealedToOrganisationId { get; private set; }

    public void RecordConsent(DateOnly givenOn, string? by)
    {
        ConsentGivenOn = givenOn;
        ConsentRecordedBy = by;
    }

    /// <summary>NET-03: only with the client's recorded consent.</summary>
    public IReadOnlyList<RuleViolation> Reveal(Guid toOrganisationId, DateTimeOffset now, string? by)
    {
        if (ConsentGivenOn is null)
        {
            return [new(RuleIds.NetworkAnonymity, "Die Person wird erst bekannt gegeben, wenn die Einwilligung der Klientin oder des Klienten erfasst ist.", "consent")];
        }

        RevealedAt = now;
        RevealedBy = by;
        RevealedToOrganisationId = toOrganisationId;
        return [];
    }
}

public sealed record CandidateProfileInput(string? Skills, string? Wishes, string? SupportNeeds, string? Region);

/// <summary>
/// NET-03: what the network sees of a candidate. Built only from the profile; it has no field for a name, birth date,
/// address, contact data or diagnosis, so nothing of the client record can reach a network answer through it.
/// </summary>
public sealed record CandidateProfile(
    Guid Id, string Pseudonym, string Skills, string Wishes, string SupportNeeds, string Region, DateOnly OfferedOn,
    bool ConsentRecorded, bool Revealed)
{
    public static CandidateProfile From(NetworkCandidate c)
        => new(c.Id, c.Pseudonym, c.Skills, c.Wishes, c.SupportNeeds, c.Region, c.OfferedOn, c.ConsentGivenOn is not null, c.RevealedAt is not null);
}

public static class CandidateProfiles
{
    /// <summary>"K-" and four hex digits.</summary>
    public static string NewPseudonym() => "K-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(2));

    /// <summary>NET-03: the first two digits of the postcode, never street or city.</summary>
    public static string RegionOf(Address address)
        => address.PostalCode is { Length: >= 2 } code && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
            ? $"PLZ-Gebiet {code[..2]}"
            : "ohne Angabe";

    /// <summary>
    /// NET-03: the free texts the IFD writes for the profile must not carry the person: refused when they contain the
    /// client's name, birth date, street, phone or e-mail.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(CandidateProfileInput profile, Client client)
    {
        var errors = new List<RuleViolation>();
        InputCheck.MaxLength(errors, "skills", profile.Skills, 2000, "Die Fähigkeiten");
        InputCheck.MaxLength(errors, "wishes", profile.Wishes, 2000, "Die Wünsche");
        InputCheck.MaxLength(errors, "supportNeeds", profile.SupportNeeds, 2000, "Der Unterstützungsbedarf");
        InputCheck.MaxLength(errors, "region", profile.Region, 100, "Die Region");
        var personal = new[]
        {
            client.LastName, client.FirstName, client.Address.Street, client.Phone, client.Email,
            client.BirthDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), client.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 3).Select(v => v!.Trim()).ToList();
        foreach (var (field, text) in new[] { ("skills", profile.Skills), ("wishes", profile.Wishes), ("supportNeeds", profile.SupportNeeds), ("region", profile.Region) })
        {
            if (text is not null && personal.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new(RuleIds.NetworkAnonymity, "Das Profil darf keine personenbezogenen Daten enthalten (Name, Geburtsdatum, Anschrift, Kontakt).", field));
            }
        }

        return errors;
    }
}
