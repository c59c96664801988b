using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// A POST (or other non-GET request) that matches no handler of the page is bad input, not a page render
/// without data: it answers 400 instead of failing inside the view.
/// </summary>
internal sealed class RequireHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestObjectResult("Unbekannte Aktion für diese Seite.");
            return;
        }

        await next();
    }
}
