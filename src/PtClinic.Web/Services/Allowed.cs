using Mediator;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Web.Services;

/// <summary>
/// Who may send a command or query, as AuthorizeView's Roles takes it: the staff roles the message's
/// own <see cref="RequiresRoleAttribute"/> names (<see cref="MessagePermissions"/>), so a page offers
/// an action only to the roles the pipeline will let through.
/// </summary>
public static class Allowed
{
    /// <summary>The staff roles, comma-separated.</summary>
    public static string ToSend<TMessage>()
        where TMessage : IMessage => Roles<TMessage>.Joined;

    private static class Roles<TMessage>
        where TMessage : IMessage
    {
        // A message for background work only has no staff role to offer it to: a page that asks is
        // a mistake, said at once rather than shown to everyone.
        public static readonly string Joined = MessagePermissions.RequiredRoles<TMessage>().Where(role => role != StaffRoles.System).ToList() is { Count: > 0 } roles
            ? string.Join(",", roles)
            : throw new InvalidOperationException($"{typeof(TMessage).Name} names no staff role: no page may offer it.");
    }
}
