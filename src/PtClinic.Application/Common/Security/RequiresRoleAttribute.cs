namespace PtClinic.Application.Common.Security;

/// <summary>
/// Restricts a command or query to staff holding one of the roles. Every message already requires a
/// signed-in user of a clinic; this narrows it further.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
