using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Directory;

/// <summary>
/// Form fields the directory pages share. The properties bind without prefix, so field name, element id and
/// ModelState key are one and the same and the error summary links land on the field.
/// </summary>
internal interface IAddressForm
{
    string? Street { get; }
    string? PostalCode { get; }
    string? City { get; }
}

/// <summary>The form to add a contact person to an institution or funder.</summary>
internal interface IContactForm
{
    string? ContactName { get; }
    string? ContactRole { get; }
    string? ContactPhone { get; }
    string? ContactEmail { get; }
}

/// <summary>The duplicate search shown before a new directory entry is saved (FU-04).</summary>
internal sealed record DuplicateList(IReadOnlyList<DirectoryService.NameCandidate> Candidates, string DetailsPath);

internal static class DirectoryFormMapping
{
    /// <summary>Service field names → ids of the create forms.</summary>
    public static readonly IReadOnlyDictionary<string, string> CreateFields = new Dictionary<string, string>
    {
        ["name"] = "NewName",
        ["kind"] = "NewKind",
        ["providerId"] = "NewProviderId",
    };

    /// <summary>Service field names → ids of the contact form.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContactFields = new Dictionary<string, string>
    {
        ["name"] = nameof(IContactForm.ContactName),
    };

    public static DirectoryService.ContactInput ToInput(this IContactForm form)
        => new(form.ContactName, form.ContactRole, form.ContactPhone, form.ContactEmail);

    public static IReadOnlyList<RuleViolation> Check(this IContactForm form) => DirectoryService.CheckContact(form.ToInput());
}
