namespace Teilhabe.Web.Features.Documents;

/// <summary>Case documents and the encrypted document store (their endpoints belong to the cases). Program.cs registers the feature through these methods only.</summary>
internal static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<Forms.FormTemplateService>();
        services.AddSingleton<IDocumentStore>(sp => DocumentStorage.Create(sp));
        return services;
    }
}
