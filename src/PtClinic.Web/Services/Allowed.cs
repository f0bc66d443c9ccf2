using Mediator;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Web.Services;

/// <summary>
/// Who may send a command or query, as AuthorizeView's Roles takes it: the roles the message's own
/// <see cref="RequiresRoleAttribute"/> names (<see cref="MessagePermissions"/>), so a page offers an
/// action only to the roles the pipeline will let through.
/// </summary>
public static class Allowed
{
    /// <summary>The staff roles, comma-separated (all of them when the message names none).</summary>
    public static string ToSend<TMessage>()
        where TMessage : IMessage => Roles<TMessage>.Joined;

    private static class Roles<TMessage>
        where TMessage : IMessage
    {
        public static readonly string Joined = MessagePermissions.RequiredRoles<TMessage>() is { Count: > 0 } roles
            ? string.Join(",", roles.Where(role => role != StaffRoles.System))
            : string.Join(",", StaffRoles.All);
    }
}
