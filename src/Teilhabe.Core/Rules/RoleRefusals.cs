namespace Teilhabe.Core.Rules;

/// <summary>
/// ACC-06 refusals: the caller's role (or office) does not do this action. Answered 422 with rule ACC-06 where the
/// caller sees the record, so the user learns who does it.
/// </summary>
public static class RoleRefusals
{
    public static RuleViolation ObjectToCommission => Refused("Widersprechen kann nur die InA-Koordination des zuständigen Integrationsamtes.");

    public static RuleViolation RequestExtension => Refused("Eine Verlängerung beantragt die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung.");

    public static RuleViolation DecideExtension => Refused("Über Verlängerungen entscheidet die InA-Koordination.");

    public static RuleViolation MaintainFormTemplates => Refused("Vordrucke hinterlegt die InA-Koordination oder die Administration.");

    public static RuleViolation ApplyInclusionCompany => Refused("Den Antrag stellt die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung.");

    public static RuleViolation DecideInclusionCompany => Refused("Über den Antrag entscheidet die InA-Koordination.");

    public static RuleViolation RecordPlacement => Refused("Die erfolgreiche Vermittlung dokumentiert die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung.");

    public static RuleViolation MovePhase => Refused("Den Phasenwechsel nimmt die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung vor.");

    public static RuleViolation CreateCase => Refused("Aufträge legt eine Fachkraft oder die Leitung eines IFD an.");

    public static RuleViolation EditCase => Refused("Nur die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung bearbeiten den Auftrag.");

    public static RuleViolation CreateClient => Refused("Klientinnen und Klienten legt eine Fachkraft eines IFD an.");

    public static RuleViolation CreateInstitution => Refused("Institutionen legen Mitarbeitende eines IFD oder der InA-Koordination an.");

    public static RuleViolation CreateFunder => Refused("Leistungsträger legen Mitarbeitende eines IFD oder der InA-Koordination an.");

    public static RuleViolation UploadDocument => Refused("Dokumente lädt die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung hoch.");

    public static RuleViolation CreateReport => Refused("Berichte erstellt die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung.");

    private static RuleViolation Refused(string message) => new(RuleIds.Roles, message);
}
