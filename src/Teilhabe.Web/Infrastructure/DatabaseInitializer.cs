using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>At start: migrations (unless switched off), the roles of ACC-06, the bootstrap administrator and the demo data.</summary>
public static class DatabaseInitializer
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TeilhabeOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TeilhabeDbContext>();

        if (options.Database.Migrate)
        {
            await db.Database.MigrateAsync();
        }

        await Features.Catalogues.CatalogueSeeder.SeedAsync(db);
        await Features.Programmes.ProgrammeTemplateBackfill.RunAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var accounts = sp.GetRequiredService<AccountService>();
        var adminPassword = options.Bootstrap.AdminPassword ?? (options.Demo ? DemoData.Password : null);
        if (!string.IsNullOrEmpty(adminPassword) && !await users.Users.AnyAsync())
        {
            var (_, violations) = await accounts.CreateAsync(
                new AppUser("admin", "Administration"), adminPassword, [Roles.Administrator], mustChangePassword: !options.Demo);
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(
                    "Teilhabe__Bootstrap__AdminPassword erfüllt die Passwortregeln nicht: " + string.Join(" ", violations.Select(v => v.Message)));
            }
        }

        if (options.Demo)
        {
            await DemoData.SeedAsync(sp);
        }
    }
}
