using PtClinic.Application.Common.Abstractions;

namespace PtClinic.Tests.Shared;

/// <summary>A signed-in (or anonymous, with no user id) staff member for contexts built by hand.</summary>
public sealed record TestUser(Guid? UserId, Guid? ClinicId, IReadOnlyList<string> Roles) : ICurrentUser
{
    public bool IsAuthenticated => UserId is not null;

    public bool IsSystem => false;

    public string? DisplayName => IsAuthenticated ? "Test user" : null;

    public bool IsInRole(string role) => Roles.Contains(role);
}
