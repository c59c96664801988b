namespace Teilhabe.Web.Features.Accounts;

/// <summary>Sign-in, tokens and passwords (ACC-01…05); the account services come with the platform (Identity). Program.cs registers the feature through these methods only.</summary>
internal static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAccountsApi();
        return app;
    }
}
