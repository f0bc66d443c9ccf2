namespace PtClinic.Application.Common.Security;

/// <summary>
/// The roles that may send a command or query (and <c>StaffRoles.System</c> for background work).
/// Every message must carry one: a message without it is refused to everyone by the authorization
/// behaviour, and the architecture tests fail the build. The attributes are the one source of the
/// role × use-case table (<see cref="AccessMatrix"/>, docs/security.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
