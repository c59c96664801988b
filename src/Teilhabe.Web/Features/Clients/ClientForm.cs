using Teilhabe.Core.Clients;

namespace Teilhabe.Web.Features.Clients;

/// <summary>The client master-data form shared by create and edit (CL-01).</summary>
internal sealed class ClientForm
{
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Gender? Gender { get; set; }
    public string? Nationality { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WorkingLifePosition { get; set; }
    public bool HearingImpaired { get; set; }

    public static readonly IReadOnlyDictionary<string, string> FieldMap = new Dictionary<string, string>
    {
        ["lastName"] = "Form.LastName",
        ["firstName"] = "Form.FirstName",
        ["birthDate"] = "Form.BirthDate",
        ["gender"] = "Form.Gender",
        ["email"] = "Form.Email",
        ["address.postalCode"] = "Form.PostalCode",
        ["workingLifePosition"] = "Form.WorkingLifePosition",
    };

    public ClientService.ClientInput ToInput()
        => new(LastName, FirstName, BirthDate, Gender, Nationality, new Address(Street, PostalCode, City), Phone, Email, WorkingLifePosition, HearingImpaired);

    public static ClientForm From(Client c) => new()
    {
        LastName = c.LastName,
        FirstName = c.FirstName,
        BirthDate = c.BirthDate,
        Gender = c.Gender,
        Nationality = c.Nationality,
        Street = c.Address.Street,
        PostalCode = c.Address.PostalCode,
        City = c.Address.City,
        Phone = c.Phone,
        Email = c.Email,
        WorkingLifePosition = c.WorkingLifePosition,
        HearingImpaired = c.HearingImpaired,
    };
}
