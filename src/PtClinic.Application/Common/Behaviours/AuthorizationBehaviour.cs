using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// Every message needs a signed-in user who belongs to a clinic (the tenant every query is filtered
/// to); <see cref="RequiresRoleAttribute"/> narrows it to roles.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated || currentUser.ClinicId is null)
        {
            return ValueTask.FromResult(FailedResult<TResponse>.From(Error.Forbidden("Please sign in to continue.")));
        }

        if (!currentUser.MaySend<TMessage>())
        {
            return ValueTask.FromResult(FailedResult<TResponse>.From(
                Error.Forbidden("Your role does not allow this action.")));
        }

        return next(message, cancellationToken);
    }
}
