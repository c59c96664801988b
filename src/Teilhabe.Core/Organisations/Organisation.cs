namespace Teilhabe.Core.Organisations;

public enum OrganisationKind
{
    /// <summary>Integrationsamt: the state authority that commissions and steers the IFDs.</summary>
    IntegrationOffice,

    /// <summary>Träger: runs one or more IFDs or programmes.</summary>
    Provider,
}

/// <summary>An Integrationsamt or a Träger.</summary>
public sealed class Organisation : IAuditedEntity
{
    private Organisation()
    {
        Name = string.Empty;
        State = string.Empty;
    }

    public Organisation(OrganisationKind kind, string name, string state)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Name = name.Trim();
        State = state.Trim().ToUpperInvariant();
    }

    public Guid Id { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public string Name { get; private set; }

    /// <summary>Two-letter state code; selects the state profile (e.g. TH).</summary>
    public string State { get; private set; }

    public void Rename(string name) => Name = name.Trim();
}
