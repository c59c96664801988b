using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Home;

public sealed class IndexModel(ICurrentUser current) : PageModel
{
    public string DisplayName => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? string.Empty;

    public IReadOnlyList<LayoutModel.NavLink> Links { get; private set; } = [];

    public void OnGet() => Links = [.. NavigationRegistry.For(current)];
}
