using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Exceptions are for the unexpected; they are turned into problem details here, once.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Die Anfrage ist fehlerhaft (z. B. ungültiges JSON oder falsche Datentypen)."),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, ResultMessages.Conflict),
            DbUpdateException unique when unique.IsUniqueViolation() => (StatusCodes.Status409Conflict, "Gleichzeitig hat jemand denselben Eintrag angelegt (z. B. dieselbe Berichtsversion). Bitte neu laden und erneut versuchen; es wurde nichts gespeichert."),
            RuleViolationException => (StatusCodes.Status422UnprocessableEntity, "Die Aktion verletzt fachliche Regeln."),
            _ => (StatusCodes.Status500InternalServerError, "Ein unerwarteter Fehler ist aufgetreten. Die Daten wurden nicht geändert."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        };
        if (exception is RuleViolationException rules)
        {
            context.ProblemDetails.Extensions["violations"] = rules.Violations
                .Select(v => new ApiResults.ViolationDto(v.Rule, v.Message, v.Field)).ToList();
        }

        return await problems.TryWriteAsync(context);
    }
}
