namespace Teilhabe.Web.Features.Shared;

/// <summary>What every page shares: the layout. Program.cs registers the feature through these methods only.</summary>
internal static class SharedFeature
{
    public static IServiceCollection AddShared(this IServiceCollection services)
    {
        services.AddScoped<LayoutModel>();
        return services;
    }
}
