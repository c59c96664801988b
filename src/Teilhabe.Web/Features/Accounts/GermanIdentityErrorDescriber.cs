using Microsoft.AspNetCore.Identity;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>Identity's own messages in German (the password rules themselves come from ProfilePasswordValidator).</summary>
internal sealed class GermanIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName)
        => new() { Code = nameof(DuplicateUserName), Description = $"Der Benutzername „{userName}“ ist schon vergeben." };

    public override IdentityError InvalidUserName(string? userName)
        => new() { Code = nameof(InvalidUserName), Description = $"Der Benutzername „{userName}“ ist ungültig: nur Buchstaben, Ziffern und . _ - @ sind erlaubt." };

    public override IdentityError PasswordMismatch()
        => new() { Code = nameof(PasswordMismatch), Description = "Das Passwort stimmt nicht." };

    public override IdentityError DefaultError()
        => new() { Code = nameof(DefaultError), Description = "Die Aktion konnte nicht ausgeführt werden." };

    public override IdentityError ConcurrencyFailure()
        => new() { Code = nameof(ConcurrencyFailure), Description = "Das Benutzerkonto wurde zwischenzeitlich geändert. Bitte neu laden." };
}
