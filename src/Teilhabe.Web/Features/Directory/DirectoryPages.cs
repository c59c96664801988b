using Teilhabe.Core.Accounts;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;

namespace Teilhabe.Web.Features.Directory;

/// <summary>What the directory pages share: who may use them, German labels, parsing of form values.</summary>
internal static class DirectoryPages
{
    /// <summary>The roles working inside an IFD (<see cref="Clients.ClientService.EditorRoles"/>), as an attribute argument.</summary>
    public const string ServiceRoles = Roles.Caseworker + "," + Roles.Deputy + "," + Roles.ServiceLead + "," + Roles.Trainer + "," + Roles.ProgrammeLead;

    /// <summary><see cref="DirectoryApi.DirectoryEditors"/>, as an attribute argument.</summary>
    public const string Editors = ServiceRoles + "," + Roles.IntegrationOfficeCoordinator;

    /// <summary>TempData key of the confirmation shown after a redirect (post/redirect/get).</summary>
    public const string MessageKey = "DirectoryMessage";

    public static string German(InstitutionKind kind) => kind switch
    {
        InstitutionKind.Employer => "Arbeitgeber",
        InstitutionKind.School => "Schule",
        InstitutionKind.ShelteredWorkshop => "WfbM",
        InstitutionKind.InclusionCompany => "Inklusionsbetrieb",
        _ => "Sonstige",
    };

    public static string German(FunderKind kind) => kind switch
    {
        FunderKind.IntegrationOffice => "Integrationsamt",
        FunderKind.EmploymentAgency => "Agentur für Arbeit",
        FunderKind.Jobcenter => "Jobcenter",
        FunderKind.PensionInsurance => "Rentenversicherung",
        FunderKind.AccidentInsurance => "Unfallversicherung",
        FunderKind.HealthInsurance => "Krankenkasse",
        FunderKind.IntegrationAssistance => "Eingliederungshilfe",
        FunderKind.YouthWelfare => "Jugendhilfe",
        _ => "Sonstige",
    };

    /// <summary>The kind of a duplicate candidate, which the service reports by its code name.</summary>
    public static string GermanKind(string code)
        => Parse<InstitutionKind>(code) is { } i ? German(i) : Parse<FunderKind>(code) is { } f ? German(f) : code;

    /// <summary>A kind chosen in a form; anything but a known code name counts as "not chosen".</summary>
    public static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => v.ToString() == value);

    /// <summary>A chosen id; text that is no id becomes an id that matches nothing, so the service refuses it at the field.</summary>
    public static Guid? ParseId(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : Guid.TryParse(value, out var id) ? id : Guid.Empty;

    public static Address? ToAddress(string? street, string? postalCode, string? city)
        => string.IsNullOrWhiteSpace(street) && string.IsNullOrWhiteSpace(postalCode) && string.IsNullOrWhiteSpace(city)
            ? null
            : new Address(Trim(street), Trim(postalCode), Trim(city));

    /// <summary>FU-04 as the IFD sees it in the list: "ja", "beantragt" or "nein".</summary>
    public static string ReleaseStatus(Funder funder, Guid serviceId)
        => funder.IsReleasedFor(serviceId) ? "ja" : funder.Releases.Any(r => r.ServiceId == serviceId) ? "beantragt" : "nein";

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
