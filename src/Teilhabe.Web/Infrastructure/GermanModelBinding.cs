using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Teilhabe.Web.Infrastructure;

/// <summary>The messages of page model binding in German (a date or number that does not parse, a missing value).</summary>
internal static class GermanModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"„{value}“ ist für „{field}“ nicht gültig.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Bitte „{field}“ angeben.");
        messages.SetMissingKeyOrValueAccessor(() => "Bitte einen Wert angeben.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage braucht einen Inhalt.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"„{value}“ ist nicht gültig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der Wert ist nicht gültig.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte eine Zahl angeben.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Der Wert für „{field}“ ist nicht gültig.");
        messages.SetValueIsInvalidAccessor(value => $"„{value}“ ist nicht gültig.");
        messages.SetValueMustBeANumberAccessor(field => $"„{field}“ muss eine Zahl sein.");
        messages.SetValueMustNotBeNullAccessor(value => $"Bitte einen Wert angeben (nicht „{value}“).");
    }
}
