namespace PtClinic.Application.Common.Abstractions;

/// <summary>The signed-in staff member an operation runs for. Set per operation, never per circuit.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    /// <summary>The clinic (tenant) of the user; every query is filtered to it.</summary>
    Guid? ClinicId { get; }

    string? DisplayName { get; }

    bool IsInRole(string role);
}
