namespace Teilhabe.Core.Organisations;

/// <summary>
/// Data that belongs to one IFD. The DbContext filters every query on it to what the current user may
/// see (ACC-06): the own IFD, or every IFD of the own Integrationsamt for InA-Koordination.
/// </summary>
public interface IServiceScoped
{
    Guid ServiceId { get; }

    /// <summary>The Integrationsamt of <see cref="ServiceId"/>, kept alongside so that the filter needs no join.</summary>
    Guid IntegrationOfficeId { get; }
}

/// <summary>Marks entities whose every change is written to the audit trail (ACC-09).</summary>
public interface IAuditedEntity
{
    Guid Id { get; }
}

/// <summary>Data shared by the IFDs of one Integrationsamt (institutions, funders): filtered to the user's Integrationsamt.</summary>
public interface IOfficeScoped
{
    Guid IntegrationOfficeId { get; }
}
