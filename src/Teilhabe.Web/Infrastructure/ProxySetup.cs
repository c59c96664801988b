using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Behind a load balancer (README "Production topology"): X-Forwarded-For and X-Forwarded-Proto are believed only
/// from the proxies named in Teilhabe:Proxy:KnownProxies (addresses) or Teilhabe:Proxy:KnownNetworks (CIDR), so
/// that the login rate limit and the logs see the user's address. Without either setting the headers are ignored:
/// a client cannot choose its own address.
/// </summary>
internal static class ProxySetup
{
    public const string Section = "Teilhabe:Proxy";

    public static IApplicationBuilder UseTeilhabeForwardedHeaders(this WebApplication app)
    {
        var proxies = List(app.Configuration[$"{Section}:KnownProxies"]);
        var networks = List(app.Configuration[$"{Section}:KnownNetworks"]);
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };

        // Only what is configured: not the framework's default of trusting loopback.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' ist keine IP-Adresse."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' ist kein Netz in CIDR-Schreibweise (z. B. 10.0.0.0/24)."));
        }

        return app.UseForwardedHeaders(options);
    }

    private static List<string> List(string? value)
        => value?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
}
