namespace Teilhabe.Core.Clients;

/// <summary>CL-03: corrections and removals of the client's notices, disabilities and employment situations.</summary>
public sealed partial class Client
{
    /// <summary>CL-03: corrects a notice; the DIS-01 status follows. Returns the record of the earlier values.</summary>
    public ClientRecordChange CorrectEvidence(Guid evidenceId, EvidenceKind kind, DateOnly noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly? validUntil, DateTimeOffset at, string by)
    {
        var evidence = _evidence.Single(e => e.Id == evidenceId);
        var change = ClientRecordChange.Corrected(this, ClientRecordKind.DisabilityEvidence, evidenceId, evidence.Snapshot(), at, by);
        evidence.Correct(kind, noticeDate, effectiveFrom, degree, validUntil);
        Version++;
        return change;
    }

    /// <summary>
    /// CL-03 with DIS-03: corrects a disability. Marked care-relevant, it takes the mark from the others; unmarked while
    /// it held the mark, the mark goes to the first other recognised disability (the DIS-03 default).
    /// </summary>
    public ClientRecordChange CorrectDisability(Guid disabilityId, string categoryCode, string description, bool recognised, bool careRelevant, DateTimeOffset at, string by)
    {
        var disability = _disabilities.Single(d => d.Id == disabilityId);
        var change = ClientRecordChange.Corrected(this, ClientRecordKind.Disability, disabilityId, disability.Snapshot(), at, by);
        disability.Correct(categoryCode, description, recognised);
        if (careRelevant)
        {
            MarkCareRelevant(disabilityId);
        }
        else if (disability.CareRelevant)
        {
            disability.SetCareRelevant(false);
            MarkDefaultCareRelevant(except: disabilityId);
        }

        Version++;
        return change;
    }

    /// <summary>CL-03 with EMP-01: corrects a situation of the timeline; its state follows the corrected date.</summary>
    public ClientRecordChange CorrectEmployment(Guid situationId, string kindCode, DateOnly from, Guid? institutionId, DateOnly today, DateTimeOffset at, string by)
    {
        var situation = _employment.Single(e => e.Id == situationId);
        var change = ClientRecordChange.Corrected(this, ClientRecordKind.EmploymentSituation, situationId, situation.Snapshot(), at, by);
        situation.Correct(kindCode, from, institutionId, today);
        Version++;
        return change;
    }

    public bool Holds(ClientRecordKind kind, Guid recordId) => SnapshotOf(kind, recordId) is not null;

    /// <summary>The values of one record as they stand (the shape a <see cref="ClientRecordChange"/> keeps), null when the client has no such record.</summary>
    public IReadOnlyDictionary<string, string?>? SnapshotOf(ClientRecordKind kind, Guid recordId) => kind switch
    {
        ClientRecordKind.DisabilityEvidence => _evidence.FirstOrDefault(e => e.Id == recordId)?.Snapshot(),
        ClientRecordKind.Disability => _disabilities.FirstOrDefault(d => d.Id == recordId)?.Snapshot(),
        _ => _employment.FirstOrDefault(e => e.Id == recordId)?.Snapshot(),
    };

    /// <summary>
    /// CL-03: removes a wrongly recorded notice, disability or employment situation — only with a reason. The
    /// remaining disabilities keep their order without gaps; without a care-relevant one left, the first recognised
    /// one takes the mark (DIS-03).
    /// </summary>
    public (ClientRecordChange? Change, IReadOnlyList<Rules.RuleViolation> Errors) Remove(ClientRecordKind kind, Guid recordId, string? reason, DateTimeOffset at, string by)
    {
        var errors = ClientRecordChange.CheckReason(reason);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        IReadOnlyDictionary<string, string?> earlier;
        switch (kind)
        {
            case ClientRecordKind.DisabilityEvidence:
                var evidence = _evidence.Single(e => e.Id == recordId);
                earlier = evidence.Snapshot();
                _evidence.Remove(evidence);
                break;
            case ClientRecordKind.Disability:
                var disability = _disabilities.Single(d => d.Id == recordId);
                earlier = disability.Snapshot();
                _disabilities.Remove(disability);
                var order = 1;
                foreach (var d in _disabilities.OrderBy(d => d.Order))
                {
                    d.Renumber(order++);
                }

                if (disability.CareRelevant)
                {
                    MarkDefaultCareRelevant(except: recordId);
                }

                break;
            default:
                var situation = _employment.Single(e => e.Id == recordId);
                earlier = situation.Snapshot();
                _employment.Remove(situation);
                break;
        }

        Version++;
        return (ClientRecordChange.RemovedWith(this, kind, recordId, earlier, at, by, reason!), []);
    }

    private void MarkDefaultCareRelevant(Guid except)
    {
        if (_disabilities.Where(d => d.Id != except).OrderBy(d => d.Order).FirstOrDefault(d => d.Recognised) is { } first)
        {
            MarkCareRelevant(first.Id);
        }
    }
}
