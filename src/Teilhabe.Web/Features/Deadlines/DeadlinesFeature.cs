namespace Teilhabe.Web.Features.Deadlines;

/// <summary>The deadline list (its services: <see cref="DeadlineRegistration.AddDeadlines"/>). Program.cs registers the feature through these methods only.</summary>
internal static class DeadlinesFeature
{
    public static IEndpointRouteBuilder MapDeadlines(this IEndpointRouteBuilder app)
    {
        app.MapDeadlinesApi();
        return app;
    }
}
