namespace Teilhabe.Web.Features.Deadlines.Reminders;

/// <summary>Teilhabe:Reminders — the optional daily e-mail about due and overdue deadline items.</summary>
internal sealed class ReminderOptions
{
    /// <summary>Off by default: an IFD switches reminders on once SMTP is configured.</summary>
    public bool Enabled { get; set; }

    /// <summary>Hour of the day (Berlin time, 0–23) at which the reminders go out.</summary>
    public int Hour { get; set; } = 6;

    /// <summary>The product's public address for the link in the e-mail, e.g. https://teilhabe.example.org.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Teilhabe:Smtp — the mail server the reminders are sent through.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "teilhabe@localhost";
    public bool UseStartTls { get; set; } = true;
}
