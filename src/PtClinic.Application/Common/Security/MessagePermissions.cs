using System.Reflection;
using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Common.Security;

/// <summary>
/// Who may send a message, read from its <see cref="RequiresRoleAttribute"/>: the authorization
/// behaviour refuses with it, and a query answering "may I?" for a page asks it too, so the page
/// offers only what the pipeline will let through.
/// </summary>
public static class MessagePermissions
{
    /// <summary>
    /// Whether the signed-in <paramref name="user"/> holds a role the message asks for (any role when
    /// it names none). The system may send only what names <see cref="StaffRoles.System"/>: what
    /// background work may do is listed, never implied.
    /// </summary>
    public static bool MaySend<TMessage>(this ICurrentUser user)
        where TMessage : IMessage
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permits(RolesOf<TMessage>.Required, user);
    }

    /// <summary>The roles the message names; none means any signed-in staff member.</summary>
    public static IReadOnlyList<string> RequiredRoles<TMessage>()
        where TMessage : IMessage => RolesOf<TMessage>.Required;

    private static bool Permits(IReadOnlyList<string> requiredRoles, ICurrentUser user) =>
        user.IsSystem
            ? requiredRoles.Contains(StaffRoles.System)
            : requiredRoles.Count == 0 || requiredRoles.Any(user.IsInRole);

    /// <summary>Read once per message type.</summary>
    private static class RolesOf<TMessage>
    {
        public static readonly IReadOnlyList<string> Required =
            typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Roles ?? [];
    }
}
