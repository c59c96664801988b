using Teilhabe.Web.Features.Catalogues;

namespace Teilhabe.Web.Features.Clients;

/// <summary>Clients, proof of disability, the employment timeline and the client export. Program.cs registers the feature through these methods only.</summary>
internal static class ClientsFeature
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<ClientService>();
        services.AddScoped<ClientCorrectionService>();
        services.AddScoped<ClientExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        app.MapClientsApi();
        app.MapClientExportApi();
        return app;
    }
}
