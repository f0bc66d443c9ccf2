using Mediator;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>Who an operation runs as when nobody is signed in: background jobs, the demo seeder.</summary>
public sealed record ClinicActor
{
    private ClinicActor(Guid clinicId, Guid? staffId)
    {
        ClinicId = clinicId;
        StaffId = staffId;
    }

    public Guid ClinicId { get; }

    /// <summary>The staff member acted as; null for the system.</summary>
    public Guid? StaffId { get; }

    public bool IsSystem => StaffId is null;

    /// <summary>PtClinic itself working for the clinic; see <see cref="ICurrentUser.IsSystem"/>.</summary>
    public static ClinicActor SystemOf(Guid clinicId) => new(clinicId, null);

    /// <summary>A staff member of the clinic, with their own name and roles, as if they had signed in.</summary>
    public static ClinicActor StaffOf(Guid clinicId, Guid staffId) => new(clinicId, staffId);
}

/// <summary>
/// Runs work as a <see cref="ClinicActor"/> in a fresh scope, as the app runs every operation of a
/// signed-in user: the same mediator pipeline (logging, authorization, validation), the same clinic
/// filter on every query, the same refusal to write another clinic's rows.
/// </summary>
public interface IClinicOperationRunner
{
    Task<TResponse> SendAsync<TResponse>(ClinicActor actor, ICommand<TResponse> command, CancellationToken cancellationToken);

    Task<TResponse> SendAsync<TResponse>(ClinicActor actor, IQuery<TResponse> query, CancellationToken cancellationToken);

    /// <summary>For work that is more than one message (seeding): the scope's services, acting as <paramref name="actor"/>.</summary>
    Task RunAsync(ClinicActor actor, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken);
}
