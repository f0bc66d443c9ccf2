using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Common;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// Last before the handler: a broken domain rule or a lost optimistic-concurrency race is an
/// expected outcome, so it becomes a failed Result instead of an exception page.
/// </summary>
public sealed class DomainRuleBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public const string ConflictMessage =
        "Someone else changed this record after you opened it. Nothing was overwritten: reload to see their changes.";

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainException ex)
        {
            return FailedResult<TResponse>.From(Error.Rule(ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return FailedResult<TResponse>.From(Error.Conflict(ConflictMessage));
        }
    }
}
