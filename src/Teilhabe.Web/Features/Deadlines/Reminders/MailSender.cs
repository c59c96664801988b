using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Deadlines.Reminders;

/// <summary>A plain-text e-mail to one recipient.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>Sends e-mails; tests substitute a recording implementation.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}

/// <summary>Sends through the SMTP server of Teilhabe:Smtp (MailKit).</summary>
internal sealed class SmtpMailSender(IOptions<TeilhabeOptions> options) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Teilhabe:Smtp:Host is not configured.");
        }

        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
