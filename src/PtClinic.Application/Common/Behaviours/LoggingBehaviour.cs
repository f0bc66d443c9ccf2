using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// First in the pipeline: logs the message type, who sent it (a user, or the system for background
/// work) for which clinic, and the outcome. Never the message itself: commands carry patient data.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private const string SystemActor = "system";
    private const string UserActor = "user";

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var actor = currentUser.IsSystem ? SystemActor : UserActor;
        if (response is IResult { IsSuccess: false, Error: { } error })
        {
            LogFailed(logger, typeof(TMessage).Name, actor, currentUser.UserId, currentUser.ClinicId, error.Kind, elapsed);
        }
        else
        {
            LogHandled(logger, typeof(TMessage).Name, actor, currentUser.UserId, currentUser.ClinicId, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} by {Actor} {UserId} of clinic {ClinicId} succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, string actor, Guid? userId, Guid? clinicId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} by {Actor} {UserId} of clinic {ClinicId} failed with {ErrorKind} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string messageType, string actor, Guid? userId, Guid? clinicId, ErrorKind errorKind, double elapsedMs);
}
