namespace Teilhabe.Web.Features.Deadlines;

/// <summary>The deadline list and its rule sources; other features add their <see cref="IDeadlineSource"/> the same way.</summary>
internal static class DeadlineRegistration
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddScoped<DeadlineService>();
        services.AddScoped<ContinuityService>();
        services.AddScoped<IDeadlineSource, CounsellingDeadlines>();
        services.AddScoped<IDeadlineSource, CommissionDeadlines>();
        services.AddScoped<IDeadlineSource, ContinuityDeadlines>();
        services.AddScoped<IDeadlineSource, EmploymentDeadlines>();
        services.AddScoped<IDeadlineSource, PasswordDeadlines>();
        services.AddScoped<IDeadlineSource, RequestDeadlines>();
        services.AddScoped<IDeadlineSource, ProgrammeDeadlineSource>();
        services.AddScoped<IDeadlineSource, InterimReportDeadlines>();
        return services;
    }
}
