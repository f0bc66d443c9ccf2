using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Audit;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// Around authorization, so refusals are recorded too. A command's change is recorded by the save that
/// makes it (<see cref="AuditScope"/>); a read of a patient's record (<see cref="AuditPolicy"/>) and a
/// refusal (Forbidden, or NotFound for an id the clinic does not have) are recorded here, each in its
/// own transaction. A read whose row cannot be written fails: it is never served unrecorded. A command
/// that succeeded without saving a change still leaves one row, written here.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(
    ICurrentUser currentUser,
    IRequestOrigin origin,
    AuditScope scope,
    IAuditLog log)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        // Nobody to record: the pipeline refuses it before anything is read or written.
        if (!currentUser.IsAuthenticated || currentUser.ClinicId is null)
        {
            return await next(message, cancellationToken);
        }

        var subject = AuditSubject.Of(message);
        var entry = new AuditEntry(
            currentUser.ClinicId,
            currentUser.UserId,
            RolesOf(currentUser),
            MessageKind<TMessage>.IsQuery ? AuditActions.Read : AuditActions.Update,
            typeof(TMessage).Name,
            AuditOutcomes.Success,
            subject?.EntityType,
            subject?.EntityId,
            subject?.PatientId,
            ClientAddress: origin.ClientAddress);
        if (!MessageKind<TMessage>.IsQuery)
        {
            scope.Begin(entry);
        }

        var response = await next(message, cancellationToken);
        if (response is IResult { IsSuccess: false, Error: { } error })
        {
            if (error.Kind is ErrorKind.Forbidden or ErrorKind.NotFound)
            {
                // An id the clinic does not have names no patient of the clinic's.
                await log.RecordAsync(error.Kind == ErrorKind.Forbidden
                    ? entry with { Outcome = AuditOutcomes.Denied }
                    : entry with { Outcome = AuditOutcomes.NotFound, PatientId = null }, cancellationToken);
            }
        }
        else if (MessageKind<TMessage>.IsRecordedRead)
        {
            await log.RecordReadAsync(entry, cancellationToken);
        }
        else if (!MessageKind<TMessage>.IsQuery && !scope.Written)
        {
            // It changed nothing through a save (unlocking an account that was not locked, a bulk
            // statement): still a use case someone ran, recorded on its own.
            scope.TakePending();
            await log.RecordAsync(entry with { Action = AuditActions.Execute }, cancellationToken);
        }

        return response;
    }

    private static string RolesOf(ICurrentUser user) =>
        user.IsSystem ? StaffRoles.System : string.Join(',', StaffRoles.All.Where(user.IsInRole));

    private static class MessageKind<T>
    {
        public static readonly bool IsQuery = typeof(T).GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>));

        public static readonly bool IsRecordedRead = AuditPolicy.RecordReads.Contains(typeof(T));
    }
}
