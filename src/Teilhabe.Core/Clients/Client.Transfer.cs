namespace Teilhabe.Core.Clients;

public sealed partial class Client
{
    /// <summary>
    /// TR-02: the person's record for the receiving IFD when closed cases stay with the sending IFD. A client belongs to
    /// exactly one IFD (the tenant filter reads <see cref="ServiceId"/>), so one record cannot be readable at both: the
    /// sending IFD keeps this record for its closed cases, the receiving IFD gets a copy with the master data, proof of
    /// disability, disabilities and employment history as they stand, and the moved open cases point to the copy.
    /// </summary>
    public Client CopyForService(Guid serviceId)
    {
        var copy = new Client(serviceId, IntegrationOfficeId, new ClientData(
            LastName, FirstName, BirthDate, Gender, Nationality, new Address(Address.Street, Address.PostalCode, Address.City),
            Phone, Email, WorkingLifePosition, HearingImpaired));
        copy._evidence.AddRange(_evidence.Select(e => e.CopyFor(copy)));
        copy._disabilities.AddRange(_disabilities.Select(d => d.CopyFor(copy)));
        copy._employment.AddRange(_employment.Select(e => e.CopyFor(copy)));
        return copy;
    }
}
