using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Contacts;

/// <summary>
/// The unsaved input of the contact form of one user on one case ("nothing lost"): kept by autosave and when a
/// submit is refused, restored when the form is opened again (e.g. after the session expired), deleted when the
/// contact is saved. Personal data: only its owner reads it; scoped to the owner's service.
/// </summary>
public sealed class ContactEntryDraft : IServiceScoped
{
    private ContactEntryDraft()
    {
        UserId = string.Empty;
        FieldsJson = "{}";
    }

    public ContactEntryDraft(Guid serviceId, Guid integrationOfficeId, string userId, Guid caseId, string fieldsJson, DateTimeOffset updatedAt)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        UserId = userId;
        CaseId = caseId;
        FieldsJson = fieldsJson;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string UserId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The form fields as JSON, exactly as entered.</summary>
    public string FieldsJson { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(string fieldsJson, DateTimeOffset at)
    {
        FieldsJson = fieldsJson;
        UpdatedAt = at;
    }
}
