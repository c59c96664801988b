using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>Contacts, outcomes (LEK) and the case timeline. Program.cs registers the feature through these methods only.</summary>
internal static class ContactsFeature
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactService>();
        services.AddScoped<ContactDraftStore>();
        services.AddScoped<CaseTimeline>();
        services.AddScoped<IContactFacts>(sp => sp.GetRequiredService<ContactService>());
        return services;
    }

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        app.MapContactsApi();
        return app;
    }
}
