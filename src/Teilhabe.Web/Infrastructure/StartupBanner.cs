using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Prints where the app listens and, in demo mode, the demo logins (README, first command).</summary>
internal static class StartupBanner
{
    public static void Register(WebApplication app, bool demo)
        => app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var output = Console.Out;
            output.WriteLine();
            output.WriteLine("Teilhabe läuft unter: " + string.Join(", ", addresses));
            if (!demo)
            {
                return;
            }

            output.WriteLine("Demo-Anmeldungen (Passwort für alle: " + DemoData.Password + "):");
            foreach (var (userName, displayName, role, _) in DemoData.Users)
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-24} {1,-18} {2}", userName, Roles.GermanLabel(role), displayName));
            }

            output.WriteLine("InA-Koordination und Administration richten beim ersten Anmelden einen zweiten Faktor ein (Authenticator-App, ACC-11).");
            output.WriteLine();
        });
}
