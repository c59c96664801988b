using Teilhabe.Core.Clients;

namespace Teilhabe.UnitTests.Clients;

/// <summary>Builds a client with sensible defaults; tests change only what their rule is about.</summary>
public sealed class ClientBuilder
{
    private string _lastName = "Schneider";
    private string _firstName = "Petra";
    private DateOnly _birthDate = new(1975, 4, 12);
    private Gender _gender = Gender.Female;

    public static readonly Guid ServiceId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid OfficeId = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    public ClientBuilder Named(string lastName, string firstName)
    {
        _lastName = lastName;
        _firstName = firstName;
        return this;
    }

    public ClientBuilder BornOn(DateOnly date)
    {
        _birthDate = date;
        return this;
    }

    public ClientBuilder WithGender(Gender gender)
    {
        _gender = gender;
        return this;
    }

    public Client Build()
        => new(ServiceId, OfficeId, new ClientData(_lastName, _firstName, _birthDate, _gender, "deutsch", new Address("Anger 1", "99084", "Erfurt")));
}
