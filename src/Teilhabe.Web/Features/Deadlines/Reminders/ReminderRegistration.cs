using Microsoft.Extensions.DependencyInjection.Extensions;

using Teilhabe.Web.Features.Deadlines.Reminders;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>The optional daily e-mail reminder; the job is a singleton so tests can call <see cref="ReminderJob.RunOnceAsync"/>.</summary>
internal static class ReminderRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
