using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// The Data Protection key ring (cookies, antiforgery, bearer tokens) is stored in the database encrypted with the
/// configured certificate, never in clear; a second node with the same certificate reads it.
/// </summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private const string Password = "Zertifikat#2026";
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-cert-").FullName;

    [Fact]
    public async Task Data_protection_keys_are_stored_encrypted_with_the_configured_certificate()
    {
        var certificate = WriteCertificate("ring.pfx");
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Teilhabe:DataProtection:CertificatePath"] = certificate,
                ["Teilhabe:DataProtection:CertificatePassword"] = Password,
            },
        });
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);

        // Cookies and antiforgery work with the encrypted ring.
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using var clients = await pages.GetAsync("/klienten");
        await clients.ExpectAsync(HttpStatusCode.OK);

        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_missing_certificate_stops_the_start_with_a_message_naming_it()
    {
        using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["Teilhabe:DataProtection:CertificatePath"] = Path.Combine(_folder, "fehlt.pfx") },
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("fehlt.pfx", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Teilhabe Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
