using System.Reflection;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Common.Security;

/// <summary>
/// Who may send a message, read from its <see cref="RequiresRoleAttribute"/>: the authorization
/// behaviour refuses with it, and a page asks it too, so the page offers only what the pipeline
/// will let through. Deny by default: a message that names no role may be sent by nobody.
/// </summary>
public static class MessagePermissions
{
    /// <summary>
    /// Whether the signed-in <paramref name="user"/> holds a role the message names. A message that
    /// names none is refused to everyone (an architecture test keeps such a message from being
    /// written). The system may send only what names <see cref="StaffRoles.System"/>: what
    /// background work may do is listed, never implied.
    /// </summary>
    public static bool MaySend<TMessage>(this ICurrentUser user)
        where TMessage : IMessage
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permits(RolesOf<TMessage>.Required, user);
    }

    /// <summary>The same answer for a message type known only at run time (the access matrix, tests).</summary>
    public static bool MaySend(this ICurrentUser user, Type messageType)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permits(RequiredRoles(messageType), user);
    }

    /// <summary>The roles the message names; empty means nobody may send it.</summary>
    public static IReadOnlyList<string> RequiredRoles<TMessage>()
        where TMessage : IMessage => RolesOf<TMessage>.Required;

    public static IReadOnlyList<string> RequiredRoles(Type messageType) =>
        messageType.GetCustomAttribute<RequiresRoleAttribute>()?.Roles ?? [];

    private static bool Permits(IReadOnlyList<string> requiredRoles, ICurrentUser user) =>
        user.IsSystem
            ? requiredRoles.Contains(StaffRoles.System)
            : requiredRoles.Any(role => role != StaffRoles.System && user.IsInRole(role));

    /// <summary>Read once per message type.</summary>
    private static class RolesOf<TMessage>
    {
        public static readonly IReadOnlyList<string> Required = RequiredRoles(typeof(TMessage));
    }
}
