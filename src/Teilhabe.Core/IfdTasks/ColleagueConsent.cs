using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.IfdTasks;

/// <summary>How the client gave the consent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentForm>))]
public enum ConsentForm
{
    [JsonStringEnumMemberName("written")]
    Written,

    [JsonStringEnumMemberName("oral")]
    Oral,
}

public static class ConsentForms
{
    public static string Label(ConsentForm f) => f == ConsentForm.Written ? "schriftlich" : "mündlich";

    public static string Code(ConsentForm f) => f == ConsentForm.Written ? "written" : "oral";

    public static ConsentForm? Parse(string? code) => code switch
    {
        "written" => ConsentForm.Written,
        "oral" => ConsentForm.Oral,
        _ => null,
    };
}

/// <summary>What the caseworker entered for a consent.</summary>
public sealed record ConsentDraft(DateOnly? GivenOn, ConsentForm? Form, string? Colleagues, string? Information);

/// <summary>
/// IFD-01: the client's consent that the IFD informs and advises colleagues in the company or office about the
/// kind and effects of the disability and how to deal with it. Valid from the day it was given until it is revoked.
/// </summary>
public sealed class ColleagueConsent : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private ColleagueConsent()
    {
        Colleagues = string.Empty;
        Information = string.Empty;
    }

    private ColleagueConsent(Case @case, DateOnly givenOn, ConsentForm form, string colleagues, string information, DateTimeOffset at, string? userId)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        GivenOn = givenOn;
        Form = form;
        Colleagues = colleagues;
        Information = information;
        CreatedAt = at;
        CreatedBy = userId;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public ConsentForm Form { get; private set; }

    /// <summary>Scope: which colleagues may be informed (e.g. "Team Versand, Vorarbeiter").</summary>
    public string Colleagues { get; private set; }

    /// <summary>Scope: which information may be passed on.</summary>
    public string Information { get; private set; }

    public DateOnly? RevokedOn { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>Given on or before the day and not revoked by then (a revocation counts from its day on).</summary>
    public bool IsValidOn(DateOnly day) => GivenOn <= day && (RevokedOn is null || RevokedOn > day);

    public static (ColleagueConsent? Consent, IReadOnlyList<RuleViolation> Errors) Record(Case @case, ConsentDraft d, DateOnly today, DateTimeOffset at, string? userId)
    {
        var v = new List<RuleViolation>();
        if (d.GivenOn is null)
        {
            v.Add(new(RuleIds.Input, "Bitte das Datum der Einwilligung angeben.", "givenOn"));
        }
        else if (d.GivenOn > today)
        {
            v.Add(new(RuleIds.Input, "Eine Einwilligung kann nicht für einen künftigen Tag erfasst werden.", "givenOn"));
        }

        if (d.Form is null)
        {
            v.Add(new(RuleIds.Input, "Bitte die Form der Einwilligung angeben: written (schriftlich) oder oral (mündlich).", "form"));
        }

        Text(v, d.Colleagues, 1000, "colleagues", "Bitte angeben, welche Kolleginnen und Kollegen informiert werden dürfen.");
        Text(v, d.Information, 2000, "information", "Bitte angeben, welche Informationen weitergegeben werden dürfen.");
        if (v.Count > 0)
        {
            return (null, v);
        }

        return (new ColleagueConsent(@case, d.GivenOn!.Value, d.Form!.Value, d.Colleagues!.Trim(), d.Information!.Trim(), at, userId), []);
    }

    /// <summary>The client withdraws the consent; from that day on colleagues may no longer be informed.</summary>
    public IReadOnlyList<RuleViolation> Revoke(DateOnly? on, DateOnly today, DateTimeOffset at, string? userId)
    {
        if (RevokedOn is not null)
        {
            return [new(RuleIds.Input, $"Die Einwilligung wurde bereits am {RevokedOn:dd.MM.yyyy} widerrufen.", "revokedOn")];
        }

        if (on is null)
        {
            return [new(RuleIds.Input, "Bitte das Datum des Widerrufs angeben.", "revokedOn")];
        }

        if (on > today)
        {
            return [new(RuleIds.Input, "Ein Widerruf kann nicht für einen künftigen Tag erfasst werden.", "revokedOn")];
        }

        if (on < GivenOn)
        {
            return [new(RuleIds.Input, "Der Widerruf kann nicht vor der Einwilligung liegen.", "revokedOn")];
        }

        RevokedOn = on;
        RevokedAt = at;
        RevokedBy = userId;
        return [];
    }

    internal static void Text(List<RuleViolation> v, string? text, int max, string field, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(new(RuleIds.Input, missing, field));
        }
        else if (text.Length > max)
        {
            v.Add(new(RuleIds.Input, $"Höchstens {max} Zeichen.", field));
        }
    }
}

/// <summary>IFD-01: colleagues are informed only with the client's recorded consent (valid on the day of the contact).</summary>
public static class ColleagueConsentRules
{
    public const string Rule = "IFD-01";
    public const string Topic = "inform-colleagues";
    public const string Outcome = "colleagues-informed";

    public const string Message = "Die Kolleginnen und Kollegen dürfen nur mit Zustimmung der Klientin/des Klienten informiert werden: "
        + "bitte zuerst die Einwilligung der Klientin/des Klienten zur Information der Kolleginnen und Kollegen erfassen (Auftrag › Einwilligung Kollegen).";

    /// <summary>IFD-01: colleagues informed without a valid consent of the client.</summary>
    public static RuleViolation Missing(string field) => new(Rule, Message, field);

    /// <summary>Every IFD-01 violation of a contact on <paramref name="day"/> with these topics and LEK codes.</summary>
    public static IReadOnlyList<RuleViolation> Check(IEnumerable<string> topicCodes, IEnumerable<string> outcomeCodes, DateOnly day, IEnumerable<ColleagueConsent> consents)
    {
        var informs = topicCodes.Contains(Topic, StringComparer.Ordinal);
        var informed = outcomeCodes.Contains(Outcome, StringComparer.Ordinal);
        if ((!informs && !informed) || consents.Any(c => c.IsValidOn(day)))
        {
            return [];
        }

        var v = new List<RuleViolation>();
        if (informs)
        {
            v.Add(new(Rule, Message, "topicCodes"));
        }

        if (informed)
        {
            v.Add(new(Rule, Message, "outcomeIds"));
        }

        return v;
    }
}
