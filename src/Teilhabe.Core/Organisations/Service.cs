namespace Teilhabe.Core.Organisations;

/// <summary>An Integrationsfachdienst (IFD): one provider's service in one region. The tenant boundary (ACC-06).</summary>
public sealed class Service : IAuditedEntity
{
    private Service()
    {
        Name = string.Empty;
    }

    public Service(string name, Guid providerId, Guid integrationOfficeId)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        ProviderId = providerId;
        IntegrationOfficeId = integrationOfficeId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid ProviderId { get; private set; }
    public Organisation? Provider { get; private set; }

    /// <summary>The Integrationsamt that commissions and steers this IFD.</summary>
    public Guid IntegrationOfficeId { get; private set; }
    public Organisation? IntegrationOffice { get; private set; }

    public void Rename(string name) => Name = name.Trim();
}
