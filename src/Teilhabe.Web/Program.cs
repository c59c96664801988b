using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Teilhabe.Web.Features.Accounts;
using Teilhabe.Web.Features.Admin;
using Teilhabe.Web.Features.ApiDocs;
using Teilhabe.Web.Features.Audit;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Features.Commissions;
using Teilhabe.Web.Features.Contacts;
using Teilhabe.Web.Features.Coordination;
using Teilhabe.Web.Features.Deadlines;
using Teilhabe.Web.Features.Directory;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.IfdTasks;
using Teilhabe.Web.Features.Network;
using Teilhabe.Web.Features.Profiles;
using Teilhabe.Web.Features.Programmes;
using Teilhabe.Web.Features.Reports;
using Teilhabe.Web.Features.Retention;
using Teilhabe.Web.Features.Shared;
using Teilhabe.Web.Features.Staffing;
using Teilhabe.Web.Features.Statistics;
using Teilhabe.Web.Features.Team;
using Teilhabe.Web.Infrastructure;

var demo = args.Contains("--demo");
// Operations commands (README "Operations"): rotate-document-key, backup FOLDER, restore FOLDER, migrate, audit-verify.
var command = args.FirstOrDefault() is "rotate-document-key" or "backup" or "restore" or "migrate" or "audit-verify" ? args[0] : null;
var commandArgument = command is null ? null : args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo" && a != command && a != commandArgument).ToArray());
if (demo)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Teilhabe:Demo"] = "true" });
}

builder.AddTeilhabePlatform();
builder.AddObservability();
builder.Services
    .AddShared()
    .AddAdmin()
    .AddAudit()
    .AddCatalogues()
    .AddClients()
    .AddDirectory()
    .AddCases()
    .AddCommissions()
    .AddCoordination()
    .AddDocuments()
    .AddContacts()
    .AddDeadlines()
    .AddStaffing()
    .AddTeam()
    .AddReminders()
    .AddStatistics()
    .AddReports()
    .AddProgrammes()
    .AddNetwork()
    .AddRetention()
    .AddIfdTasks();

var app = builder.Build();
if (command == "rotate-document-key")
{
    return await DocumentStorage.RotateKeyCommandAsync(app.Services);
}

if (command is "backup" or "restore")
{
    return await Backup.CommandAsync(app.Services, command, commandArgument);
}

if (command == "audit-verify")
{
    return await AuditFeature.VerifyCommandAsync(app.Services);
}

if (command == "migrate")
{
    // README "Production topology": the one migration step of a deployment; the nodes run with Migrate=false.
    await app.PrepareDatabaseAsync(migrate: true);
    Console.Out.WriteLine("Datenbank vorbereitet (Migrationen angewendet).");
    return 0;
}

app.UseTeilhabeForwardedHeaders();
app.UseObservability();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!PlatformSetup.IsLocal(app.Environment))
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseSessionValidation();
app.UseUploadLimits();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapApiDocs();
app.MapAccounts();
app.MapAdmin();
app.MapProfiles();
app.MapAudit();
app.MapCatalogues();
app.MapClients();
app.MapContacts();
app.MapDirectory();
app.MapStaffing();
app.MapCases();
app.MapDeadlines();
app.MapTeam();
app.MapStatistics();
app.MapCommissions();
app.MapReports();
app.MapProgrammes();
app.MapCoordination();
app.MapNetwork();
app.MapRetention();
app.MapIfdTasks();
app.MapRazorPages();

await app.PrepareDatabaseAsync();
StartupBanner.Register(app, demo);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
